import { parseArgs } from 'node:util';
import type { AdminAccountRequest } from '../admin/admin-accounts.service';
import { nodeErrorCode } from '../node-error-code';

export const CREATE_ADMIN_USAGE = `Usage: npm run admin:create -- --email <email> [--password <password>] [--name <name>]

Makes a platform admin. Platform admins are never made by signing up.

  --email      the account's email (required)
  --password   8 to 1024 characters. Required when no account has this email.
               For an existing account it replaces the password; without it the
               password is kept and only the role is added.
  --name       the name of a new account (default: "Platform admin"); an
               existing account keeps its name
  -h, --help   show this text

Reads the same environment as the service (.env.identity, .env; DATABASE_URL, or the
embedded database, which it shares with a running service).
A password given on the command line can be seen by other users of the machine
(process list, shell history): change it after the first login where that matters.`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type CreateAdminCommand = { help: true } | { help: false; request: AdminAccountRequest };

export function parseCreateAdminArgs(args: string[]): CreateAdminCommand {
  const { values } = parseOrExplain(args);
  if (values.help) {
    return { help: true };
  }

  if (!values.email) {
    throw new UsageError('--email is required.');
  }

  return {
    help: false,
    request: { email: values.email, password: values.password, name: values.name },
  };
}

function parseOrExplain(args: string[]) {
  try {
    return parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        email: { type: 'string' },
        password: { type: 'string' },
        name: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error: unknown) {
    // parseArgs names the option, never its value.
    if (nodeErrorCode(error)?.startsWith('ERR_PARSE_ARGS_')) {
      throw new UsageError((error as Error).message);
    }
    throw error;
  }
}
