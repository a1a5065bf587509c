import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { withoutRemoteFonts } from './build/without-remote-fonts';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The backend the dev server forwards to; the built client is served by the server itself.
const backend = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [
    react(),
    withoutRemoteFonts(),
    // A service worker (Workbox) that keeps the app shell, so a page that keeps its work on
    // the device (a drop-in, a specification's unsaved edits) reloads with no connection.
    // It keeps the built files only: never an API answer (they are the signed-in person's,
    // and the server's word on who may do what), the health check or the socket.
    VitePWA({
      // Registered in src/main.tsx, without the plugin's reload-on-update.
      injectRegister: null,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff,woff2}'],
        // The editor's chunk is the largest file; the whole shell is a few megabytes.
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api(\/|$)/, /^\/health$/, /^\/socket\.io(\/|$)/],
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  resolve: {
    alias: [
      // Workspace packages are bundled from their TypeScript source, as ES modules,
      // rather than from their CommonJS builds.
      { find: '@coproduce/domain', replacement: fromHere('../packages/domain/src/index.ts') },
      { find: '@coproduce/protocol', replacement: fromHere('../packages/protocol/src/index.ts') },
      {
        find: '@coproduce/collab-provider',
        replacement: fromHere('../packages/collab-provider/src/index.ts'),
      },
      {
        find: '@coproduce/specification-document',
        replacement: fromHere('../packages/specification-document/src/index.ts'),
      },
      // The NHS.UK stylesheet refers to its icons by root-relative URLs; point them at the
      // package so Vite bundles the few it uses.
      {
        find: /^\/assets\/images\/(.*)$/,
        replacement: fromHere('./node_modules/nhsuk-frontend/dist/nhsuk/assets/images/$1'),
      },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // nhsuk-frontend ships its stylesheet minified already, with old-browser hacks that
    // esbuild's CSS minifier warns about on every build; minifying it again gains nothing.
    cssMinify: false,
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': backend,
      '/health': backend,
      '/socket.io': { target: backend, ws: true },
    },
  },
  preview: { host: '127.0.0.1' },
});
