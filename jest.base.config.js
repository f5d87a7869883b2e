// Shared by the unit and e2e configs. Nest 12 is ESM-only: @swc/jest compiles
// both our TypeScript and those ESM packages to CommonJS (see docs/stack-notes).
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
    // swc rewrites the @app/* aliases itself, so globalSetup (which jest does not map) resolves them too.
    baseUrl: __dirname,
    paths: Object.fromEntries(
      ['core', 'identity', 'policy', 'calls', 'applications', 'evaluation', 'letters', 'money', 'resolutions'].flatMap((lib) => [
        [`@app/${lib}`, [`./libs/${lib}/src`]],
        [`@app/${lib}/*`, [`./libs/${lib}/src/*`]],
      ]),
    ),
  },
  module: { type: 'commonjs' },
};

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': ['@swc/jest', swc] },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|file-type|load-esm|uid|strtok3|token-types|@tokenizer|uint8array-extras|@borewit)/)',
  ],
  moduleNameMapper: {
    // nodenext wants `.js` on relative dynamic imports; the sources are `.ts`.
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src',
    '^@app/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
