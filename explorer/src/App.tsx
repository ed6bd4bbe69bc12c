/** The shell: a header with search on every page, and the page the URL names. */
import { EvidenceProvider } from './components/Evidence';
import { Search } from './components/Search';
import { ActorPage } from './pages/ActorPage';
import { ConnectPage } from './pages/ConnectPage';
import { EngagementPage } from './pages/EngagementPage';
import { HomePage } from './pages/HomePage';
import { PlacePage } from './pages/PlacePage';
import { ReadPage } from './pages/ReadPage';
import { SourcePage } from './pages/SourcePage';
import { NotFound } from './pages/states';
import { href, useRoute, type Route } from './router';

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'actor':
      return <ActorPage id={route.id} />;
    case 'place':
      return <PlacePage id={route.id} />;
    case 'engagement':
      return <EngagementPage id={route.id} />;
    case 'source':
      return <SourcePage id={route.id} cite={route.cite} />;
    case 'connect':
      return <ConnectPage key={`${route.from}|${route.to}`} from={route.from} to={route.to} />;
    case 'read':
      return <ReadPage />;
    case 'missing':
      return <NotFound what={`page ${route.path}`} />;
  }
}

export function App() {
  const route = useRoute();
  return (
    <EvidenceProvider>
      <a href="#main" class="skip">
        Skip to the content
      </a>
      <header class="top">
        <a href={href.home()} class="brand">
          Aleppo actors graph
        </a>
        {route.page !== 'home' && <Search label="Search" />}
        <nav aria-label="Main">
          <a href={href.read()}>Read an article</a>
          <a href={href.connect()}>Connections</a>
          <a href="/graphql">Playground</a>
        </nav>
      </header>
      <main id="main">
        <Page route={route} />
      </main>
    </EvidenceProvider>
  );
}
