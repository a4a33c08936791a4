// NestJS 12 ships ES modules only; jest (before Node 24.9) loads CommonJS, so @swc/jest
// compiles our TypeScript and those packages to CommonJS, with decorator metadata.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': swc },
  // content-disposition 3 (@fastify/static) and cookie 2 (light-my-request, Fastify's inject) are ES modules too.
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|nestjs-pino|openid-client|oauth4webapi|jose|oidc-provider|@fastify|light-my-request|content-disposition|cookie)/)',
  ],
  moduleNameMapper: { '^@app/([a-z0-9-]+)(/.*)?$': '<rootDir>/libs/$1/src$2' },
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      // Browser tests (Playwright driving Chromium) share the e2e project's database server.
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/test/browser/**/*.browser-spec.ts'],
      // Starts PostgreSQL (embedded unless DATABASE_URL is set) and a migrated, seeded template database.
      globalSetup: '<rootDir>/test/support/global-setup.mjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
      slowTestThreshold: 30,
    },
  ],
  testTimeout: 60000,
};
