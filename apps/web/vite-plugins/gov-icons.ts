import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The design system's React icons fetch `/assets/icons/<type>/<name>.svg` at run time.
 * This plugin serves those SVGs in development and copies them into the build
 * (only the `components` set the React components use), so nothing is fetched
 * from outside the portal's own origin.
 */
export function govIcons(): Plugin {
  const require = createRequire(import.meta.url);
  const root = join(dirname(require.resolve('@gov-design-system-ce/icons/package.json')), 'lib');
  const types = ['components'];
  return {
    name: 'gov-icons',
    configureServer(server) {
      server.middlewares.use('/assets/icons', (req, res, next) => {
        const [type, file] = (req.url ?? '').split('?')[0].split('/').filter(Boolean);
        const path = type && file && types.includes(type) && /^[a-z0-9-]+\.svg$/.test(file) ? join(root, type, file) : '';
        if (!path || !existsSync(path)) return next();
        res.setHeader('Content-Type', 'image/svg+xml');
        createReadStream(path).pipe(res);
      });
    },
    generateBundle() {
      for (const type of types) {
        for (const file of readdirSync(join(root, type)).filter((f) => f.endsWith('.svg'))) {
          this.emitFile({ type: 'asset', fileName: `assets/icons/${type}/${file}`, source: readFileSync(join(root, type, file)) });
        }
      }
    },
  };
}
