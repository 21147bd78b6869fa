import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { Client } from 'pg';
import { signUp } from './support/accounts';
import { describeIdentityApp } from './support/identity-test-app';

describeIdentityApp('GET /me', ({ test }) => {
  test('answers the account of the bearer, read from the database', async (context) => {
    const account = await signUp(context);

    const response = await context
      .http()
      .get('/me')
      .set('authorization', `Bearer ${account.accessToken}`)
      .expect(200);

    expect(response.body).toEqual({
      id: account.id,
      email: account.email,
      name: account.name,
      roles: [],
      twoFactorEnabled: false,
    });
  });

  test('answers 401 without a token', async (context) => {
    const response = await context.http().get('/me').expect(401);

    expect(response.body.message).toMatch(/Authorization: Bearer/);
  });

  test('answers 401 for a token whose claims were changed', async (context) => {
    const account = await signUp(context);
    const [header, payload, signature] = account.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as object;
    const promoted = { ...claims, roles: ['platform_admin'] };
    const forged = Buffer.from(JSON.stringify(promoted)).toString('base64url');

    await context
      .http()
      .get('/me')
      .auth(`${header}.${forged}.${signature}`, { type: 'bearer' })
      .expect(401);
  });

  test('answers 401 for an unsigned (alg: none) token', async (context) => {
    const account = await signUp(context);
    const unsigned = new UnsecuredJWT({ email: account.email, roles: [], typ: 'access' })
      .setSubject(account.id)
      .setIssuer('gym-identity')
      .setAudience('gym-platform')
      .setIssuedAt()
      .setExpirationTime('5m')
      .encode();

    await context.http().get('/me').auth(unsigned, { type: 'bearer' }).expect(401);
  });

  test('answers 401 for a token signed by another key', async (context) => {
    const account = await signUp(context);
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const foreign = await new SignJWT({ email: account.email, roles: [], typ: 'access' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject(account.id)
      .setIssuer('gym-identity')
      .setAudience('gym-platform')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);

    await context.http().get('/me').auth(foreign, { type: 'bearer' }).expect(401);
  });

  test('answers 401 once the account is deleted, even with a live token', async (context) => {
    const account = await signUp(context);
    const client = new Client({ connectionString: context.database.url });
    await client.connect();
    await client.query('DELETE FROM users WHERE id = $1', [account.id]);
    await client.end();

    const response = await context
      .http()
      .get('/me')
      .auth(account.accessToken, { type: 'bearer' })
      .expect(401);

    expect(response.body.message).toBe('This session has ended; log in again.');
  });
});
