import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API, the identity provider (Keycloak paths), the runtime config and the
// badges live on one origin; the dev server forwards them so the browser sees
// a single origin, as in production. OTKLIK_API_URL points it at another API.
const backend = process.env.OTKLIK_API_URL ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/graphql': { target: backend, ws: true },
      '/realms': backend,
      '/config.json': backend,
      '/badge': backend,
      '/exports': backend,
    },
  },
  preview: { port: 4173 },
  build: {
    outDir: 'dist',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            { name: 'router', test: /node_modules[\\/]react-router[\\/]/, priority: 20 },
            {
              name: 'apollo',
              test: /node_modules[\\/](@apollo|graphql|rxjs|optimism|@wry|tslib|zen-observable)/,
              priority: 20,
            },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/, priority: 20 },
            // recharts and what it brings; only the lazily loaded chart components import it.
            {
              name: 'charts',
              test: /node_modules[\\/](recharts|victory-vendor|d3-[a-z-]+|internmap|@reduxjs|redux|react-redux|reselect|immer|es-toolkit|decimal\.js-light|eventemitter3|tiny-invariant|use-sync-external-store|clsx)[\\/]/,
              priority: 20,
            },
          ],
        },
      },
    },
  },
});
