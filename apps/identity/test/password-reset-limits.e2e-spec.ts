import { describeIdentityWithMail } from './support/identity-mail-app';
import {
  emailsTo,
  nthResetEmail,
  signUp,
  waitForNoPendingRequests,
} from './support/password-reset-steps';

describeIdentityWithMail(
  'password reset limits',
  ({ test }) => {
    test('sends an account its free links, then drops further requests, still with 202', async (context) => {
      const owner = await signUp(context, 'Limited@Example.test');

      for (let call = 0; call < 3; call += 1) {
        await context
          .http()
          .post('/auth/password-reset')
          .send({ email: 'limited@example.test' })
          .expect(202);
      }

      await nthResetEmail(context, owner.email, 2);
      await waitForNoPendingRequests(context);
      expect(emailsTo(context, owner.email)).toBe(2);
    });

    test('answers 429 with Retry-After once an address has used its requests', async (context) => {
      const statuses: number[] = [];
      let retryAfter: string | undefined;

      for (let call = 0; call < 6; call += 1) {
        const response = await context
          .http()
          .post('/auth/password-reset')
          .send({ email: `someone-${call}@example.test` });
        statuses.push(response.status);
        retryAfter ??= response.headers['retry-after'] as string | undefined;
      }

      expect(statuses.every((status) => status === 202 || status === 429)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
      expect(Number(retryAfter)).toBeGreaterThan(0);
    });

    test('limits confirmations per address too', async (context) => {
      const statuses: number[] = [];

      for (let call = 0; call < 8; call += 1) {
        const response = await context
          .http()
          .post('/auth/password-reset/confirm')
          .send({ token: 'B'.repeat(43), password: 'a fine long passphrase' });
        statuses.push(response.status);
      }

      expect(statuses.slice(0, 4)).toEqual([400, 400, 400, 400]);
      expect(statuses.at(-1)).toBe(429);
    });
  },
  { PASSWORD_RESET_FREE_ATTEMPTS_PER_ACCOUNT: '2', PASSWORD_RESET_FREE_ATTEMPTS_PER_IP: '4' },
);
