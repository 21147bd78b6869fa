import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { newAccount, signUp } from './support/accounts';
import { describeIdentityApp } from './support/identity-test-app';

const USER_AGENT = 'GymApp/2.3 (security events test)';

describeIdentityApp(
  'Security events: who, what, when and from where, nothing secret',
  ({ test }) => {
    test('logs registration, login success and failure, reuse and logout', async (context) => {
      const account = newAccount({ email: 'Events.Owner@Gym.example.test' });
      const http = () => context.http();
      const registered = await http()
        .post('/auth/register')
        .set('user-agent', USER_AGENT)
        .set('x-forwarded-for', '203.0.113.50')
        .send(account)
        .expect(201);
      await http()
        .post('/auth/login')
        .set('x-forwarded-for', '203.0.113.51')
        .send({ email: account.email, password: 'a-wrong-password' })
        .expect(401);
      await http()
        .post('/auth/login')
        .send({ email: 'nobody@gym.example.test', password: account.password })
        .expect(401);
      const login = await http()
        .post('/auth/login')
        .set('user-agent', USER_AGENT)
        .set('x-forwarded-for', '203.0.113.52')
        .send({ email: account.email, password: account.password })
        .expect(200);
      const child = await http()
        .post('/auth/refresh')
        .send({ refreshToken: login.body.refreshToken })
        .expect(200);
      await context.app
        .get(DataSource)
        .query(`UPDATE refresh_tokens SET spent_at = spent_at - interval '1 minute'`);
      await http()
        .post('/auth/refresh')
        .set('x-forwarded-for', '198.51.100.66')
        .send({ refreshToken: login.body.refreshToken })
        .expect(401);
      const again = await signUp(context, newAccount());
      await http().post('/auth/logout').send({ refreshToken: again.refreshToken }).expect(204);

      const userId = registered.body.id as string;
      const fingerprint = createHash('sha256')
        .update('events.owner@gym.example.test')
        .digest('hex')
        .slice(0, 16);
      expect(context.logs.securityEvents('account.registered')[0]).toEqual(
        expect.objectContaining({
          level: 30,
          context: 'SecurityEvents',
          userId,
          emailMasked: 'E***@Gym.example.test',
          emailFingerprint: fingerprint,
          ip: '203.0.113.50',
          userAgent: USER_AGENT,
          time: expect.any(Number),
        }),
      );
      expect(context.logs.securityEvents('login.failed')).toEqual([
        expect.objectContaining({ userId, reason: 'bad_credentials', ip: '203.0.113.51' }),
        expect.objectContaining({
          reason: 'bad_credentials',
          emailMasked: 'n***@gym.example.test',
        }),
      ]);
      expect(context.logs.securityEvents('login.failed')[1]).not.toHaveProperty('userId');
      expect(context.logs.securityEvents('login.succeeded')[0]).toEqual(
        expect.objectContaining({
          userId,
          sessionId: expect.any(String),
          ip: '203.0.113.52',
          userAgent: USER_AGENT,
        }),
      );
      expect(context.logs.securityEvents('refresh_token.reused')).toEqual([
        expect.objectContaining({ level: 40, userId, ip: '198.51.100.66' }),
      ]);
      expect(context.logs.securityEvents('session.ended')).toEqual([
        expect.objectContaining({ userId: again.id, reason: 'logout' }),
      ]);

      const everything = context.logs.lines.join('\n');
      const secrets = [
        account.password,
        'a-wrong-password',
        login.body.accessToken,
        login.body.refreshToken,
        child.body.refreshToken,
        again.refreshToken,
        again.password,
      ];
      for (const secret of secrets) {
        expect(everything).not.toContain(secret);
      }
      const eventLines = context.logs.lines.filter((line) => line.includes('securityEvent'));
      expect(eventLines.join('\n')).not.toContain(account.email);
    });
  },
  { LOG_LEVEL: 'info', TRUST_PROXY: 'loopback' },
);
