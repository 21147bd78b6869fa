import { describeIdentityWithMail } from './support/identity-mail-app';
import {
  CHANGED_SUBJECT,
  confirm,
  nthResetEmail,
  resetLinkIn,
  resetTokenFor,
  signUp,
  waitForNoPendingRequests,
} from './support/password-reset-steps';

describeIdentityWithMail(
  'password reset logs',
  ({ test }) => {
    test('log no token, link, password, email body or Mailjet secret, even at debug', async (context) => {
      const owner = await signUp(context, 'Logged@Example.test');
      const token = await resetTokenFor(context, 'logged@example.test', owner.email);
      const newPassword = 'a passphrase for the logs';

      await confirm(context, 'C'.repeat(43), newPassword).expect(400);
      await confirm(context, token, newPassword).expect(204);
      await confirm(context, token, newPassword).expect(410);
      await context.waitForEmail(owner.email, CHANGED_SUBJECT);
      await waitForNoPendingRequests(context);

      const logs = context.logLines().join('\n');
      const link = resetLinkIn(await nthResetEmail(context, owner.email, 1)).toString();
      expect(logs).toContain('password_reset.completed');
      for (const secret of [token, link, newPassword, owner.password, 'test-mailjet-secret']) {
        expect(logs).not.toContain(secret);
      }
    });
  },
  { LOG_LEVEL: 'debug' },
);
