import type { EmailOutbox, EmailToEnqueue, EmailTemplateName } from '@app/email';
import type { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import type { IdentityConfig } from '../config/identity-env';
import type { User } from '../users/user.entity';
import { AccountEmails } from './account-emails';

class RecordingOutbox {
  readonly enqueued: Array<EmailToEnqueue<EmailTemplateName>> = [];

  async enqueue(_manager: EntityManager, email: EmailToEnqueue<EmailTemplateName>) {
    this.enqueued.push(email);

    return { id: `email-${this.enqueued.length}`, created: true };
  }
}

function emailsWith(resetPage: string) {
  const outbox = new RecordingOutbox();
  const config = { get: () => resetPage } as unknown as ConfigService<IdentityConfig, true>;

  return { outbox, emails: new AccountEmails(outbox as unknown as EmailOutbox, config) };
}

const user = { id: 'user-1', email: 'Owner@Example.test', name: 'Alex' } as User;
const manager = {} as EntityManager;
const link = { id: 'token-1', token: 'tok_en-1', expiresAt: new Date('2026-05-01T12:00:00Z') };

describe('AccountEmails', () => {
  it('writes the reset link to the stored address, on the configured page', async () => {
    const { outbox, emails } = emailsWith('https://dashboard.example.test/reset-password');

    await emails.passwordReset(manager, user, link);

    expect(outbox.enqueued).toEqual([
      {
        template: 'password_reset',
        to: 'Owner@Example.test',
        idempotencyKey: 'password-reset:token-1',
        data: {
          name: 'Alex',
          resetUrl: 'https://dashboard.example.test/reset-password?token=tok_en-1',
          expiresAt: '2026-05-01T12:00:00.000Z',
        },
      },
    ]);
  });

  it('keeps a query the configured page already has', async () => {
    const { outbox, emails } = emailsWith('https://app.example.test/account?view=reset');

    await emails.passwordReset(manager, user, link);

    expect(outbox.enqueued[0].data).toEqual(
      expect.objectContaining({
        resetUrl: 'https://app.example.test/account?view=reset&token=tok_en-1',
      }),
    );
  });

  it('names the notice after the change, so a retry writes one email', async () => {
    const { outbox, emails } = emailsWith('https://dashboard.example.test/reset-password');
    const changedAt = new Date('2026-05-01T12:10:00Z');

    await emails.passwordChanged(manager, user, { changeId: 'token-1', changedAt });

    expect(outbox.enqueued).toEqual([
      {
        template: 'password_changed',
        to: 'Owner@Example.test',
        idempotencyKey: 'password-changed:token-1',
        data: { name: 'Alex', changedAt: '2026-05-01T12:10:00.000Z' },
      },
    ]);
  });
});
