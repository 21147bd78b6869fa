// Starts Identity and the Wizard side by side from the build; Ctrl-C stops both.
const { spawn } = require('node:child_process');
const path = require('node:path');

const services = [
  { name: 'identity', entry: 'dist/apps/identity/src/main.js' },
  { name: 'wizard', entry: 'dist/apps/wizard/src/main.js' },
];

const children = services.map(({ name, entry }) => {
  const child = spawn(process.execPath, [path.resolve(__dirname, '..', entry)], {
    stdio: 'inherit',
    env: process.env,
  });
  child.on('exit', (code, signal) => {
    console.error(`${name} stopped (${signal ?? code}); stopping the others`);
    shutdown(code ?? 1);
  });

  return child;
});

let stopping = false;
function shutdown(code) {
  if (stopping) {
    return;
  }
  stopping = true;
  for (const child of children) {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
    }
  }
  setTimeout(() => process.exit(code), 10_000).unref();
  Promise.all(children.map((child) => new Promise((done) => child.once('exit', done)))).then(() =>
    process.exit(code),
  );
}

process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
