import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, decodeJwt, exportJWK, SignJWT, UnsecuredJWT } from 'jose';
import { signUp } from './support/accounts';
import { describeIdentityApp, type IdentityTestApp } from './support/identity-test-app';

interface Forgery {
  alg?: string;
  kid?: string;
  key: KeyObject | Uint8Array;
  claims?: Record<string, unknown>;
  issuer?: string;
  audience?: string;
  expiresAt?: number;
  issuedAt?: number;
}

type Account = Awaited<ReturnType<typeof signUp>>;

async function kidOf(key: KeyObject): Promise<string> {
  return calculateJwkThumbprint(await exportJWK(createPublicKey(key)));
}

function sign(account: Account, forgery: Forgery): Promise<string> {
  const now = Math.floor(Date.now() / 1000);

  // The session of the account's real login: a forgery differs from a real token in one way.
  return new SignJWT({
    email: account.email,
    roles: ['platform_admin'],
    typ: 'access',
    sid: decodeJwt(account.accessToken).sid,
    ...forgery.claims,
  })
    .setProtectedHeader({ alg: forgery.alg ?? 'ES256', kid: forgery.kid })
    .setSubject(account.id)
    .setIssuer(forgery.issuer ?? 'gym-identity')
    .setAudience(forgery.audience ?? 'gym-platform')
    .setIssuedAt(forgery.issuedAt ?? now)
    .setExpirationTime(forgery.expiresAt ?? now + 300)
    .sign(forgery.key);
}

/** The service's own key, as only Identity holds it: for tokens it would never mint. */
function serviceKeyOf(context: IdentityTestApp): KeyObject {
  return createPrivateKey(context.signingKeyPem);
}

const forgeries: Array<[string, (context: IdentityTestApp, account: Account) => Promise<string>]> =
  [
    [
      'an unsigned token (alg: none)',
      async (_context, account) =>
        new UnsecuredJWT({ email: account.email, roles: [], typ: 'access' })
          .setSubject(account.id)
          .setIssuer('gym-identity')
          .setAudience('gym-platform')
          .setIssuedAt()
          .setExpirationTime('5m')
          .encode(),
    ],
    [
      'an HS256 token keyed with the public key of the JWKS',
      async (context, account) => {
        const jwks = await context.http().get('/.well-known/jwks.json').expect(200);
        const [served] = jwks.body.keys as Array<{ kid: string }>;
        const publicPem = createPublicKey(serviceKeyOf(context))
          .export({ type: 'spki', format: 'pem' })
          .toString();

        return sign(account, { alg: 'HS256', kid: served.kid, key: Buffer.from(publicPem) });
      },
    ],
    ['a refresh token as the bearer', async (_context, account) => account.refreshToken],
    [
      'a token of another type signed with the real key',
      async (context, account) =>
        sign(account, {
          key: serviceKeyOf(context),
          kid: await kidOf(serviceKeyOf(context)),
          claims: { typ: 'password_reset' },
        }),
    ],
    [
      'a token of another issuer, signed with the real key',
      async (context, account) =>
        sign(account, {
          key: serviceKeyOf(context),
          kid: await kidOf(serviceKeyOf(context)),
          issuer: 'someone-else',
        }),
    ],
    [
      'a token for another audience, signed with the real key',
      async (context, account) =>
        sign(account, {
          key: serviceKeyOf(context),
          kid: await kidOf(serviceKeyOf(context)),
          audience: 'another-platform',
        }),
    ],
    [
      'an expired token, signed with the real key',
      async (context, account) =>
        sign(account, {
          key: serviceKeyOf(context),
          kid: await kidOf(serviceKeyOf(context)),
          expiresAt: Math.floor(Date.now() / 1000) - 5,
        }),
    ],
    [
      'a token naming no session, signed with the real key',
      async (context, account) =>
        sign(account, {
          key: serviceKeyOf(context),
          kid: await kidOf(serviceKeyOf(context)),
          claims: { sid: undefined },
        }),
    ],
    [
      'a token dated an hour ahead, signed with the real key',
      async (context, account) =>
        sign(account, {
          key: serviceKeyOf(context),
          kid: await kidOf(serviceKeyOf(context)),
          issuedAt: Math.floor(Date.now() / 1000) + 3_600,
          expiresAt: Math.floor(Date.now() / 1000) + 3_900,
        }),
    ],
    [
      'a token of a key nobody serves, under its own kid',
      async (_context, account) => {
        const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });

        return sign(account, { key: privateKey, kid: await kidOf(privateKey) });
      },
    ],
    [
      'a token of a key nobody serves, under the served kid',
      async (context, account) => {
        const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });

        return sign(account, { key: privateKey, kid: await kidOf(serviceKeyOf(context)) });
      },
    ],
  ];

describeIdentityApp('Forged access tokens at GET /me', ({ test }) => {
  test('accepts a token the service signed itself, the control case', async (context) => {
    const account = await signUp(context);
    const token = await sign(account, {
      key: serviceKeyOf(context),
      kid: await kidOf(serviceKeyOf(context)),
      claims: { roles: [] },
    });

    await context.http().get('/me').auth(token, { type: 'bearer' }).expect(200);
  });

  for (const [forgery, forge] of forgeries) {
    test(`answers 401 for ${forgery}`, async (context) => {
      const account = await signUp(context);

      const response = await context
        .http()
        .get('/me')
        .auth(await forge(context, account), { type: 'bearer' })
        .expect(401);

      expect(response.body).toEqual(expect.objectContaining({ statusCode: 401 }));
    });
  }
});
