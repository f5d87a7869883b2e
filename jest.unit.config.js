const base = require('./jest.base.config');

module.exports = {
  ...base,
  displayName: 'unit',
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/architecture/**/*.spec.ts'],
};
