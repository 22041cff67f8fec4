import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { DEV_CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './src/deploy/securityHeaders';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string; description: string };

/**
 * The built page carries its policy in a <meta http-equiv> too, for static hosts that cannot set
 * headers (a meta policy cannot say frame-ancestors; the header and the host examples do). Only
 * for builds: the dev server's hot reload needs an inline script.
 */
function cspMeta(): Plugin {
  return {
    name: 'wheelhouse:csp-meta',
    apply: 'build',
    // Right after the charset, before any script or stylesheet it governs.
    transformIndexHtml: (html) => html.replace(/(<meta charset[^>]*>)/i, `$1\n    <meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`),
  };
}

export default defineConfig({
  // Relative URLs everywhere: one build works at `/`, under `/wheelhouse/` on GitHub Pages or at
  // any other path, with no rebuild. WHEELHOUSE_BASE can pin an absolute base instead.
  base: process.env.WHEELHOUSE_BASE ?? './',
  define: {
    __APP_VERSION__: JSON.stringify(process.env.WHEELHOUSE_VERSION ?? pkg.version),
    // Which build this is: a checkpoint kept across reloads is read back only by the build that wrote it.
    __BUILD_ID__: JSON.stringify(`${process.env.WHEELHOUSE_VERSION ?? pkg.version}+${Date.now().toString(36)}`),
  },
  plugins: [
    react(),
    cspMeta(),
    VitePWA({
      // The learner decides when a new version takes over (their sandbox is never reloaded away).
      registerType: 'prompt',
      // Registered from src/ui/pwa/register.ts after the first paint (no inline script).
      injectRegister: false,
      manifest: {
        name: 'Wheelhouse — Kubernetes classroom',
        short_name: 'Wheelhouse',
        description: pkg.description,
        lang: 'en',
        display: 'standalone',
        background_color: '#0f1420',
        theme_color: '#326ce5',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // The whole app is precached on the first visit: the page, every chunk (Monaco and its
        // workers, xterm, the engine, the lessons), the schema inside them, the fonts (woff2 only:
        // every browser with service workers reads it) and the licences.
        globPatterns: ['**/*.{html,js,css,woff2,ttf,svg,png,webmanifest}', 'licenses/*.txt'],
        // Monaco's chunk is ~3.7 MB.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        // The first install may take the open page at once (there is nothing older to replace);
        // a later version waits for the learner's click (no skipWaiting).
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  server: { port: 5173, headers: { ...SECURITY_HEADERS, 'Content-Security-Policy': DEV_CONTENT_SECURITY_POLICY } },
  preview: { port: 4173, headers: SECURITY_HEADERS },
  // No data: URLs for small assets: the policy's font-src is 'self' only, and every font subset
  // is a file the service worker caches.
  build: { target: 'es2022', chunkSizeWarningLimit: 1500, assetsInlineLimit: 0 },
  // The engine's worker is an ES module (it shares chunks with the page, and module workers load under the same script-src 'self').
  worker: { format: 'es' },
});
