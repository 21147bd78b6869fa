import type { AdminAccountOutcome } from '../admin/admin-accounts.service';

export function describeOutcome(outcome: AdminAccountOutcome): string {
  const who = `${outcome.email} (id ${outcome.userId})`;
  const password = outcome.passwordChanged ? 'password set' : 'password unchanged';

  switch (outcome.action) {
    case 'created':
      return `Created platform admin ${who}.`;
    case 'promoted':
      return `Promoted ${who} to platform admin; ${password}.`;
    case 'already_admin':
      return `${who} was already a platform admin; ${password}.`;
  }
}
