import { DataSource } from 'typeorm';
import { newAccount } from './support/accounts';
import { describeIdentityApp, type IdentityTestApp } from './support/identity-test-app';

let lastIp = 0;

/** A client address of its own, as the (trusted) proxy names it. */
function newIp(): string {
  lastIp += 1;

  return `10.0.${Math.floor(lastIp / 250)}.${(lastIp % 250) + 1}`;
}

function login(context: IdentityTestApp, email: string, password: string, ip = newIp()) {
  return context.http().post('/auth/login').set('x-forwarded-for', ip).send({ email, password });
}

async function registered(context: IdentityTestApp) {
  const account = newAccount();
  await context
    .http()
    .post('/auth/register')
    .set('x-forwarded-for', newIp())
    .send(account)
    .expect(201);

  return account;
}

/** As if the delay the account is waiting out had passed. */
async function waitOutAccount(context: IdentityTestApp, email: string): Promise<void> {
  await context.app.get(DataSource).query(
    `UPDATE abuse_counters SET next_attempt_at = statement_timestamp() - interval '1 ms'
     WHERE scope = 'login.account' AND key_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')`,
    [email.toLowerCase()],
  );
}

/** Statuses and Retry-After of: 3 wrong passwords, then 3 rounds of waiting and one more. */
async function lockoutPattern(context: IdentityTestApp, email: string): Promise<string[]> {
  const seen: string[] = [];
  for (let attempt = 0; attempt < 3; attempt += 1) {
    seen.push(String((await login(context, email, 'wrong-password')).status));
  }
  for (let round = 0; round < 3; round += 1) {
    const refused = await login(context, email, 'wrong-password');
    seen.push(`${refused.status} after ${refused.headers['retry-after']}`);
    await waitOutAccount(context, email);
    seen.push(String((await login(context, email, 'wrong-password')).status));
  }

  return seen;
}

describeIdentityApp(
  'Login and registration limits (per account and per IP)',
  ({ test }) => {
    test('delays an account after its free failures, longer each time, from any IP', async (context) => {
      const account = await registered(context);

      const pattern = await lockoutPattern(context, account.email);

      expect(pattern).toEqual([
        '401',
        '401',
        '401',
        '429 after 1',
        '401',
        '429 after 2',
        '401',
        '429 after 4',
        '401',
      ]);
      const refused = await login(context, account.email, account.password).expect(429);
      expect(refused.body).toEqual(
        expect.objectContaining({
          statusCode: 429,
          error: 'Too Many Requests',
          message: 'Too many attempts; try again in 8 seconds.',
        }),
      );
    });

    test('limits an unknown email exactly as a known one', async (context) => {
      const known = await registered(context);

      const knownPattern = await lockoutPattern(context, known.email);
      const unknownPattern = await lockoutPattern(context, `nobody-${Date.now()}@gym.example.test`);

      expect(unknownPattern).toEqual(knownPattern);
    });

    test('clears the account streak on a right password', async (context) => {
      const account = await registered(context);
      for (let attempt = 0; attempt < 3; attempt += 1) {
        await login(context, account.email, 'wrong-password').expect(401);
      }
      await waitOutAccount(context, account.email);

      await login(context, account.email, account.password).expect(200);

      for (let attempt = 0; attempt < 3; attempt += 1) {
        await login(context, account.email, 'wrong-password').expect(401);
      }
    });

    test('delays an IP across accounts, independently of those accounts', async (context) => {
      const attacker = newIp();
      const victims = await Promise.all([1, 2, 3, 4].map(() => registered(context)));

      const statuses: number[] = [];
      for (const victim of [...victims, ...victims]) {
        statuses.push((await login(context, victim.email, 'wrong-password', attacker)).status);
      }

      expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429, 429]);
      // The accounts themselves are not held up for their owners elsewhere.
      await login(context, victims[0].email, victims[0].password).expect(200);
    });

    test('does not count the right passwords against a shared IP', async (context) => {
      const gymWifi = newIp();
      const member = await registered(context);

      for (let round = 0; round < 10; round += 1) {
        await login(context, member.email, member.password, gymWifi).expect(200);
      }
    });

    test('limits registrations per IP and per email', async (context) => {
      const frontDesk = newIp();
      const perIp: number[] = [];
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const answer = await context
          .http()
          .post('/auth/register')
          .set('x-forwarded-for', frontDesk)
          .send(newAccount());
        perIp.push(answer.status);
      }

      const email = newAccount().email;
      const perEmail: number[] = [];
      for (let attempt = 0; attempt < 4; attempt += 1) {
        const answer = await context
          .http()
          .post('/auth/register')
          .set('x-forwarded-for', newIp())
          .send(newAccount({ email }));
        perEmail.push(answer.status);
      }

      expect(perIp).toEqual([201, 201, 201, 201, 429]);
      expect(perEmail).toEqual([201, 409, 409, 429]);
    });
  },
  {
    TRUST_PROXY: 'loopback',
    LOGIN_FREE_ATTEMPTS_PER_ACCOUNT: '3',
    LOGIN_FREE_ATTEMPTS_PER_IP: '6',
    REGISTER_FREE_ATTEMPTS_PER_ACCOUNT: '3',
    REGISTER_FREE_ATTEMPTS_PER_IP: '4',
  },
);

describeIdentityApp(
  'Login limits without a trusted proxy',
  ({ test }) => {
    test('ignores X-Forwarded-For: a client cannot pick its own address', async (context) => {
      const statuses: number[] = [];
      for (const ip of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) {
        statuses.push((await login(context, newAccount().email, 'wrong-password', ip)).status);
      }

      expect(statuses).toEqual([401, 401, 429]);
    });
  },
  { LOGIN_FREE_ATTEMPTS_PER_IP: '2' },
);
