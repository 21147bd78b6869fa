import request from 'supertest';
import { TwoFactorSweeper } from '../src/two-factor/two-factor.sweeper';
import { newAccount, signUp } from './support/accounts';
import {
  describeTwoFactorApp,
  lastCodeTo,
  sql,
  type TwoFactorTestApp,
} from './support/two-factor-app';

type Account = Awaited<ReturnType<typeof signUp>>;

let nextIp = 1;
/** A client address of its own, named through X-Forwarded-For (TRUST_PROXY=loopback). */
const freshIp = () => `198.51.100.${nextIp++}`;

const askEnable = (context: TwoFactorTestApp, account: Account, phone: string, ip = freshIp()) =>
  context
    .http()
    .post('/me/2fa/sms')
    .set('x-forwarded-for', ip)
    .auth(account.accessToken, { type: 'bearer' })
    .send({ phone });

const accounts = (context: TwoFactorTestApp, count: number) =>
  Promise.all(Array.from({ length: count }, () => signUp(context, newAccount())));

/** The statuses of the sends, and the message of the first refusal. */
async function statusesOf(
  sends: Array<() => Promise<{ status: number; body: { message?: string } }>>,
) {
  const statuses: number[] = [];
  let refusal: string | undefined;
  for (const send of sends) {
    const response = await send();
    statuses.push(response.status);
    refusal ??= response.status === 429 ? response.body.message : undefined;
  }

  return { statuses, refusal };
}

describeTwoFactorApp(
  'SMS 2FA caps against SMS pumping',
  ({ test }) => {
    test('caps codes to new numbers per user (enabling)', async (context) => {
      const [account] = await accounts(context, 1);

      const { statuses, refusal } = await statusesOf(
        ['+4915123456790', '+4915123456791', '+4915123456792'].map(
          (phone) => () => askEnable(context, account, phone),
        ),
      );

      expect(statuses).toEqual([202, 202, 429]);
      expect(refusal).toBe(
        'Too many codes to new numbers for this account today; try again tomorrow (UTC).',
      );
      expect(context.twilio.messagesTo('+4915123456792')).toEqual([]);
    });

    test('caps codes per user, also to the verified number', async (context) => {
      const [account] = await accounts(context, 1);
      await askEnable(context, account, '+436641234501').expect(202);
      await context
        .http()
        .post('/me/2fa/sms/confirm')
        .auth(account.accessToken, { type: 'bearer' })
        .send({ code: lastCodeTo(context, '+436641234501') })
        .expect(200);
      const login = () =>
        context
          .http()
          .post('/auth/login')
          .set('x-forwarded-for', freshIp())
          .send({ email: account.email, password: account.password });

      const { statuses, refusal } = await statusesOf([login, login, login]);

      expect(statuses).toEqual([200, 200, 429]);
      expect(refusal).toBe('Too many codes for this account today; try again tomorrow (UTC).');
      expect(context.twilio.messagesTo('+436641234501')).toHaveLength(3);
    });

    test('caps codes per number, whichever account asks', async (context) => {
      const five = await accounts(context, 5);

      const { statuses, refusal } = await statusesOf(
        five.map((account) => () => askEnable(context, account, '+31612345601')),
      );

      expect(statuses).toEqual([202, 202, 202, 202, 429]);
      expect(refusal).toBe('Too many codes sent to this number today; try again tomorrow (UTC).');
      expect(context.twilio.messagesTo('+31612345601')).toHaveLength(4);
    });

    test('caps codes per client IP', async (context) => {
      const four = await accounts(context, 4);
      const ip = freshIp();

      const { statuses, refusal } = await statusesOf(
        four.map((account, index) => () => askEnable(context, account, `+3247012340${index}`, ip)),
      );

      expect(statuses).toEqual([202, 202, 202, 429]);
      expect(refusal).toBe(
        'Too many codes requested from this network today; try again tomorrow (UTC).',
      );
    });

    test('caps codes per country', async (context) => {
      const six = await accounts(context, 6);

      const response = await statusesOf(
        six.map((account, index) => () => askEnable(context, account, `+4179123450${index}`)),
      );

      expect(response.statuses).toEqual([202, 202, 202, 202, 202, 429]);
      expect(response.refusal).toBe(
        "Codes to numbers in CH have reached today's limit; try again tomorrow (UTC).",
      );
    });

    test('answers a cap with Retry-After up to the next UTC midnight, and counts nothing else', async (context) => {
      const [account] = await accounts(context, 1);
      const germanCodes = async () => {
        const rows = await sql(
          context,
          "SELECT count FROM two_factor_counters WHERE scope = 'country' AND key = 'DE'",
        );

        return Number(rows[0]?.count ?? 0);
      };
      const before = await germanCodes();
      await askEnable(context, account, '+4915123456793').expect(202);
      await askEnable(context, account, '+4915123456794').expect(202);

      const refused = await askEnable(context, account, '+4915123456795').expect(429);

      const now = new Date();
      const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(Math.ceil((midnight - now.getTime()) / 1000) + 1);
      // The refused code took nothing from the account's, the number's or the country's budget.
      expect(await germanCodes()).toBe(before + 2);
      const counted = await sql(
        context,
        "SELECT count FROM two_factor_counters WHERE scope = 'user' AND key = $1",
        [account.id],
      );
      expect(counted).toEqual([{ count: 2 }]);
    });

    test('holds a cap across two copies of the service answering at once', async (context) => {
      const copy = await context.startCopy();
      try {
        const six = await accounts(context, 6);
        const servers = [context.app.getHttpServer(), copy.getHttpServer()];

        const answers = await Promise.all(
          six.map((account, index) =>
            request(servers[index % 2])
              .post('/me/2fa/sms')
              .set('x-forwarded-for', freshIp())
              .auth(account.accessToken, { type: 'bearer' })
              .send({ phone: '+48512345678' }),
          ),
        );

        const statuses = answers.map((answer) => answer.status).sort();
        expect(statuses).toEqual([202, 202, 202, 202, 429, 429]);
        expect(context.twilio.messagesTo('+48512345678')).toHaveLength(4);
      } finally {
        await copy.close();
      }
    });

    test('sweeps counters of past days and challenges long expired, and keeps the rest', async (context) => {
      const [account] = await accounts(context, 1);
      await askEnable(context, account, '+4915123456796').expect(202);
      await sql(
        context,
        `INSERT INTO two_factor_counters (scope, key, day, count)
         VALUES ('user', $1, (now() AT TIME ZONE 'UTC')::date - 2, 7)`,
        [account.id],
      );
      await sql(
        context,
        `INSERT INTO two_factor_challenges
           (user_id, purpose, phone, code_hash, last_sent_at, expires_at)
         VALUES ($1, 'login', '+4915123456796', 'x', now() - interval '3 days',
                 now() - interval '2 days')`,
        [account.id],
      );

      const swept = await context.app.get(TwoFactorSweeper).sweep();

      expect(swept).toEqual({ counters: expect.any(Number), challenges: 1 });
      expect(swept.counters).toBeGreaterThanOrEqual(1);
      const left = await sql(
        context,
        'SELECT purpose FROM two_factor_challenges WHERE user_id = $1',
        [account.id],
      );
      expect(left).toEqual([{ purpose: 'enable' }]);
      const counted = await sql(
        context,
        "SELECT count FROM two_factor_counters WHERE scope = 'user' AND key = $1",
        [account.id],
      );
      expect(counted).toEqual([{ count: 1 }]);
    });
  },
  {
    SMS_ALLOWED_COUNTRIES: 'de,AT,CH,NL,BE,PL',
    // Shared by both copies, as production requires: the per-number counter is keyed with it.
    TWO_FACTOR_CODE_SECRET: 'caps-suite-code-secret-0123456789abcdef',
    SMS_ENABLE_MAX_PER_USER_PER_DAY: '2',
    SMS_MAX_PER_USER_PER_DAY: '3',
    SMS_MAX_PER_NUMBER_PER_DAY: '4',
    SMS_MAX_PER_IP_PER_DAY: '3',
    SMS_MAX_PER_COUNTRY_PER_DAY: '5',
    SMS_RESEND_COOLDOWN_SECONDS: '0',
    REGISTER_FREE_ATTEMPTS_PER_IP: '1000',
    LOGIN_FREE_ATTEMPTS_PER_IP: '1000',
  },
);
