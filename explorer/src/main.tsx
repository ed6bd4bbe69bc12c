import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import 'leaflet/dist/leaflet.css';
import './styles.css';
import { render } from 'preact';
import { App } from './App';

render(<App />, document.getElementById('app')!);
