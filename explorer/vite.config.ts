// The explorer's build: served by the API server under /explore. `npm run explorer:dev` serves it
// with hot reload on :5173 and forwards /graphql to the API (API_URL, default localhost:4000).
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/explore/',
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1200,
    // Quiet builds: npm install prints one line for the explorer.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: {
    port: 5173,
    proxy: { '/graphql': process.env['API_URL'] ?? 'http://localhost:4000' },
  },
});
