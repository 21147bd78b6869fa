// Starts Identity and the Wizard side by side from the build. When one stops, the other is
// stopped too, and this exits with the first one's code; Ctrl-C stops both.
const { spawn } = require('node:child_process');
const path = require('node:path');
const { serviceNodeFlags } = require('./service-node-flags');

const services = [
  { name: 'identity', entry: 'dist/apps/identity/src/main.js' },
  { name: 'wizard', entry: 'dist/apps/wizard/src/main.js' },
];

let exitCode;

const children = services.map(({ name, entry }) => {
  const child = spawn(
    process.execPath,
    [...serviceNodeFlags, path.resolve(__dirname, '..', entry)],
    {
      stdio: 'inherit',
      env: process.env,
    },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  exited.then((code) => {
    if (exitCode === undefined) {
      exitCode = code ?? 1;
      console.error(`${name} stopped (exit ${code ?? 'by signal'}); stopping the other service`);
      stopAll();
    }
  });

  return { child, exited };
});

function stopAll() {
  for (const { child } of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
    }
  }
  Promise.all(children.map(({ exited }) => exited)).then(() => process.exit(exitCode ?? 0));
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    exitCode ??= 0;
    stopAll();
  });
}
