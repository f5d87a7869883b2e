/**
 * Which requests the web portal's files answer, and how long browsers may
 * keep them. Plain functions: the HTTP set-up applies them, the unit tests
 * pin them.
 */

/** index.html: revalidated on every load (ETag), so a new release is picked up at once. */
export const INDEX_CACHE_CONTROL = 'no-cache';

/** A file whose name holds its content's hash never changes: kept a year without asking. */
export const HASHED_ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** The design system's icons keep their names across releases: a day. */
export const ICON_CACHE_CONTROL = 'public, max-age=86400';

/** Anything else under /assets (not produced by the build today): revalidated. */
export const OTHER_ASSET_CACHE_CONTROL = 'no-cache';

/** Where the API lives; the portal's fallback never answers there. */
const API_SPACES = ['/api', '/health', '/admin'];

/**
 * Vite (rolldown) names what it emits into assets/ `<name>-<hash>.<ext>`,
 * the hash 8 characters of URL-safe base64.
 */
const HASHED_FILE = /-[A-Za-z0-9_-]{8}\.[A-Za-z0-9]+$/;

const isUnder = (path: string, prefix: string): boolean => path === prefix || path.startsWith(`${prefix}/`);

/** `Cache-Control` of a file below assets/, given its path relative to that folder (`/` separated). */
export function assetCacheControl(pathInAssets: string): string {
  const path = pathInAssets.replace(/^\/+/, '');
  if (path.startsWith('icons/')) return ICON_CACHE_CONTROL;
  if (!path.includes('/') && HASHED_FILE.test(path)) return HASHED_ASSET_CACHE_CONTROL;
  return OTHER_ASSET_CACHE_CONTROL;
}

/**
 * The history fallback: a page of the portal the browser navigates to (or
 * reloads) gets index.html, and the portal's router shows it, or its own "not
 * found" page. Only GET and HEAD that accept HTML, never below /api, /health,
 * /admin or /assets (Express matches paths case-insensitively, so neither
 * does this), and not for a path whose last segment has a dot: that is a
 * missing file (favicon.ico, robots.txt), which is a plain 404, as in
 * connect-history-api-fallback.
 */
export function servesPortalIndex(method: string, path: string, acceptsHtml: boolean): boolean {
  if ((method !== 'GET' && method !== 'HEAD') || !acceptsHtml) return false;
  const lower = path.toLowerCase();
  if ([...API_SPACES, '/assets'].some((prefix) => isUnder(lower, prefix))) return false;
  return !lower.slice(lower.lastIndexOf('/') + 1).includes('.');
}
