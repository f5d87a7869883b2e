import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { govIcons } from './vite-plugins/gov-icons';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * The portal. `npm run build` writes it to dist/web, which the API serves at `/`
 * (hashed files under /assets, long-cached). `npm run web:dev` serves it with
 * hot reload and proxies the API (start the API on API_URL, default :3000).
 */
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react(), govIcons()],
  resolve: {
    // The portal reuses the pure domain rules (no Nest, no TypeORM) instead of copying them.
    alias: [{ find: /^@app\/(core|identity|calls|applications|evaluation)\/(.*)$/, replacement: here('../../libs/$1/src/$2') }],
  },
  build: {
    outDir: process.env.WEB_OUT_DIR ?? here('../../dist/web'),
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      // The design system's React package declares no `sideEffects`; its modules have none,
      // so components the portal does not use (and their floating-ui) stay out of the bundle.
      treeshake: { moduleSideEffects: (id: string) => !id.includes('/@gov-design-system-ce/react/') },
    },
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(
      ['/api', '/health', '/admin/queues'].map((path) => [path, { target: process.env.API_URL ?? 'http://127.0.0.1:3000' }]),
    ),
  },
});
