import {
  assetCacheControl,
  HASHED_ASSET_CACHE_CONTROL,
  ICON_CACHE_CONTROL,
  OTHER_ASSET_CACHE_CONTROL,
  servesPortalIndex,
} from './web-portal.rules';

describe('assetCacheControl', () => {
  it.each(['index-BxYz12_a.js', 'index-Ab-cD12x.css', 'vendor-react-0a1B2c3D.js', 'DejaVuSans-Zz9_-aaA.woff2'])('%s is hashed: a year, immutable', (file) => {
    expect(assetCacheControl(file)).toBe(HASHED_ASSET_CACHE_CONTROL);
    expect(assetCacheControl(`/${file}`)).toBe(HASHED_ASSET_CACHE_CONTROL);
  });

  it.each(['icons/components/arrow-right.svg', 'icons/components/x.svg', '/icons/components/chevron-down-circle.svg'])('%s is an icon: a day', (file) => {
    expect(assetCacheControl(file)).toBe(ICON_CACHE_CONTROL);
  });

  it.each(['logo.svg', 'my-component.js', 'index-short.js', 'nested/index-BxYz12_a.js', 'index-BxYz12_a'])('%s is not a hashed build file: revalidated', (file) => {
    expect(assetCacheControl(file)).toBe(OTHER_ASSET_CACHE_CONTROL);
  });
});

describe('servesPortalIndex', () => {
  it.each(['/', '/applications', '/applications/3f1c2a4e-0000-4000-8000-000000000000', '/officer/letters', '/apiary', '/healthy', '/administration'])(
    'GET %s that accepts HTML: index.html',
    (path) => {
      expect(servesPortalIndex('GET', path, true)).toBe(true);
      expect(servesPortalIndex('HEAD', path, true)).toBe(true);
    },
  );

  it.each(['/api', '/api/v1/nothing', '/api/docs', '/API/V1/calls', '/health', '/health/live', '/admin', '/admin/queues', '/assets', '/assets/missing-BxYz12_a.js'])(
    '%s is never the portal',
    (path) => {
      expect(servesPortalIndex('GET', path, true)).toBe(false);
    },
  );

  it.each(['/favicon.ico', '/robots.txt', '/applications/report.pdf'])('%s looks like a file: no fallback', (path) => {
    expect(servesPortalIndex('GET', path, true)).toBe(false);
  });

  it('only GET and HEAD, and only when HTML is acceptable', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) expect(servesPortalIndex(method, '/applications', true)).toBe(false);
    expect(servesPortalIndex('GET', '/applications', false)).toBe(false);
  });
});
