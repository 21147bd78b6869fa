import { writeFileSync } from 'node:fs';
import { Client } from 'pg';

/**
 * Preloaded (`--require`) into the Wizard and the ceiling: writes the statements of the first
 * committed transaction that claims a Stripe event to $BENCH_TRANSACTION_FILE, then puts
 * node-postgres back as it was, so the measured requests run unpatched. The bench compares the
 * two lists: the ceiling imports the Wizard's statements, and this checks it still runs them all,
 * in the Wizard's order, as the Wizard changes.
 */
type Query = (this: Client, ...args: unknown[]) => unknown;

const CLAIM_PREFIX = 'INSERT INTO stripe_events';

export function recordFirstWebhookTransaction(file: string): void {
  const prototype = Client.prototype as unknown as { query: Query };
  const original = prototype.query;
  const open = new WeakMap<Client, string[]>();

  prototype.query = function (this: Client, ...args: unknown[]) {
    const text = statementText(args[0]);
    if (text === 'START TRANSACTION' || text === 'BEGIN') {
      open.set(this, []);
    }
    const statements = open.get(this);
    statements?.push(text);

    if (statements && text === 'COMMIT') {
      open.delete(this);
      if (statements.some((statement) => statement.startsWith(CLAIM_PREFIX))) {
        writeFileSync(file, JSON.stringify(statements));
        prototype.query = original;
      }
    }

    return original.apply(this, args);
  };
}

function statementText(config: unknown): string {
  const text =
    typeof config === 'string' ? config : (config as { text?: unknown } | undefined)?.text;

  return String(text).replace(/\s+/g, ' ').trim();
}

const file = process.env.BENCH_TRANSACTION_FILE;
if (file) {
  recordFirstWebhookTransaction(file);
}
