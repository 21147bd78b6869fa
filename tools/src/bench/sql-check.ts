import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** What a server's environment needs for transaction-recorder.ts to record into `file`. */
export function recorderEnv(
  file: string,
  nodeOptions = process.env.NODE_OPTIONS,
): Record<string, string> {
  const preload = resolve(__dirname, 'transaction-recorder.js');

  return {
    BENCH_TRANSACTION_FILE: file,
    NODE_OPTIONS: `${nodeOptions ?? ''} --require "${preload}"`.trim(),
  };
}

export function recordedStatements(file: string): string[] | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as string[]) : undefined;
}

/** Lines for the report: whether both servers sent the same statements, in the same order. */
export function compareStatements(wizard?: string[], ceiling?: string[]): string[] {
  if (!wizard || !ceiling) {
    return [`SQL check: no webhook transaction recorded from the ${wizard ? 'ceiling' : 'Wizard'}`];
  }
  if (wizard.join('\n') === ceiling.join('\n')) {
    return [`SQL check: both ran the same ${wizard.length} statements in the same order`];
  }

  const short = (statement: string) => `      ${statement.slice(0, 110)}`;

  return [
    'SQL check: the ceiling no longer runs what the Wizard runs; update tools/src/bench/checkout-sql.ts',
    '    Wizard:',
    ...wizard.map(short),
    '    ceiling:',
    ...ceiling.map(short),
  ];
}
