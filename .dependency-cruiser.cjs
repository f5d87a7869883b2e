/**
 * The architecture's rules, checked by `npm run lint` (dependency-cruiser):
 *
 *   core ← identity, policy ← calls ← applications ← evaluation ← money ← resolutions
 *   letters: a leaf on core, used by evaluation and money through its request API
 *
 * - a library imports only the libraries below it (so no cycles between libraries);
 * - another library only through its front door `libs/<name>/src/index.ts`
 *   (which re-exports its pure rules too); only pure code — `domain/`, letters'
 *   `render/` and the portal — takes the rules from `libs/<name>/src/domain/index.ts` instead, so
 *   that no Nest or TypeORM code comes with them;
 * - `domain/` holds pure TypeScript: it imports only `domain/` (its own, the front
 *   doors of lower libraries' domain) and no package;
 * - controllers and queue processors import no entity, no TypeORM;
 * - the portal (apps/web) takes only pure domain code from the libraries.
 *
 * No exceptions: every import of the tree keeps these rules (test/architecture
 * shows each rule failing on a fixture that breaks it).
 */
const LIB = '^libs/([^/]+)/src/';
const FRONT_DOOR = '^libs/[^/]+/src/index\\.ts$';
const PURE_FRONT_DOOR = '^libs/[^/]+/src/domain/index\\.ts$';
/** Pure code: the rules, and letters' renderer (a pure function of a letter's data, run in a fresh process by its test). */
const PURE_CODE = '^libs/([^/]+)/src/(domain|render)/';

/** Which libraries each library may import, besides itself. */
const ALLOWED = {
  core: [],
  identity: ['core'],
  policy: ['core'],
  letters: ['core'],
  calls: ['core', 'identity', 'policy'],
  applications: ['core', 'identity', 'policy', 'calls'],
  evaluation: ['core', 'identity', 'policy', 'calls', 'applications', 'letters'],
  money: ['core', 'identity', 'policy', 'calls', 'applications', 'evaluation', 'letters'],
  resolutions: ['core', 'identity', 'policy', 'calls', 'applications', 'evaluation', 'letters', 'money'],
};

const layerRules = Object.entries(ALLOWED).map(([lib, below]) => ({
  name: `layer-${lib}`,
  comment: `${lib} may import ${below.length ? below.join(', ') : 'no other library'} (core ← identity, policy ← calls ← applications ← evaluation ← money ← resolutions; letters a leaf)`,
  severity: 'error',
  from: { path: `^libs/${lib}/src/` },
  to: { path: '^libs/[^/]+/src/', pathNot: [`^libs/(${[lib, ...below].join('|')})/src/`] },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-deep-import',
      comment: 'another library only through its front door, libs/<name>/src/index.ts',
      severity: 'error',
      from: { path: LIB, pathNot: PURE_CODE },
      to: { path: LIB, pathNot: ['^libs/$1/src/', FRONT_DOOR] },
    },
    {
      name: 'no-deep-import-from-domain',
      comment: "pure rules take another library's rules through its pure front door, libs/<name>/src/domain/index.ts",
      severity: 'error',
      from: { path: PURE_CODE },
      to: { path: LIB, pathNot: ['^libs/$1/src/', PURE_FRONT_DOOR] },
    },
    {
      name: 'app-through-front-doors',
      comment: 'the apps compose the libraries through their front doors',
      severity: 'error',
      from: { path: '^apps/(api|worker)/' },
      to: { path: LIB, pathNot: [FRONT_DOOR] },
    },
    {
      name: 'web-pure-only',
      comment: 'the browser bundle takes only the pure rules (libs/<name>/src/domain/)',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: LIB, pathNot: ['^libs/[^/]+/src/domain/'] },
    },
    {
      name: 'domain-pure',
      comment: 'domain/ is plain TypeScript: it imports only domain/ code and no package',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/', pathNot: '\\.spec\\.ts$' },
      to: { pathNot: ['^libs/[^/]+/src/domain/', '^libs/core/src/(time|errors)/', '^libs/core/src/auth/role\\.ts$'] },
    },
    {
      name: 'thin-controllers-processors',
      comment: 'controllers and queue processors ask services; they touch no entity and no DataSource',
      severity: 'error',
      from: { path: '\\.(controller|processor)\\.ts$' },
      to: { path: ['\\.entit(y|ies)\\.ts$', '(^|/)node_modules/(typeorm|@nestjs/typeorm)/'] },
    },
    {
      name: 'no-cycle',
      comment: 'no import cycles (TypeORM entities pointing back at each other excepted)',
      severity: 'error',
      from: { path: '^(libs|apps)/', pathNot: '\\.entity\\.ts$' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '\\.gen\\.ts$', '^test/fixtures/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
