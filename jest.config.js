/** One Jest config: pure library specs (milliseconds), service specs, and end-to-end suites under test/. */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.spec.json' }] },
  moduleNameMapper: { '^@apron/(planner|ocpp-model|soc|simulator|flights)$': '<rootDir>/libs/$1/src' },
  testTimeout: 60000,
  globalSetup: '<rootDir>/test/support/build-page-scripts.js',
  maxWorkers: 2,
};
