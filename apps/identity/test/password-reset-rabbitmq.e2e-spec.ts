import { describeIdentityWithMail } from './support/identity-mail-app';
import {
  CHANGED_SUBJECT,
  confirm,
  login,
  resetTokenFor,
  signUp,
} from './support/password-reset-steps';

describeIdentityWithMail(
  'password reset through RabbitMQ',
  ({ test }) => {
    test('sends the link and the notice through the broker', async (context) => {
      const owner = await signUp(context, 'Broker@Example.test');

      const token = await resetTokenFor(context, 'broker@example.test', owner.email);
      await confirm(context, token, 'brokered new passphrase').expect(204);

      await context.waitForEmail(owner.email, CHANGED_SUBJECT);
      await login(context, owner.email, 'brokered new passphrase').expect(200);
      const [{ queued }] = await context.db.query(
        `SELECT count(*)::int AS queued FROM email_outbox WHERE status <> 'sent'`,
      );
      expect(queued).toBe(0);
    });
  },
  {},
  'rabbitmq',
);
