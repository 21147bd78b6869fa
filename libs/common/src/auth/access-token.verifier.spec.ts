import { generateKeyPairSync, KeyObject, randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { calculateJwkThumbprint, exportJWK, JWK, SignJWT, UnsecuredJWT } from 'jose';
import { AppError } from '../errors/app-error';
import { AccessTokenVerifier } from './access-token.verifier';

const ISSUER = 'gym-identity';
const AUDIENCE = 'gym-platform';
const SUBJECT = '6f1c1e0e-5b7a-4c4c-9a53-2f0f3c1d2e11';

interface TestKey {
  privateKey: KeyObject;
  publicPem: string;
  jwk: JWK;
  kid: string;
}

async function newKey(): Promise<TestKey> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const exported = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(exported);

  return {
    privateKey,
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    jwk: { ...exported, kid, alg: 'ES256', use: 'sig' },
    kid,
  };
}

interface TokenChanges {
  claims?: Record<string, unknown>;
  issuer?: string;
  audience?: string;
  expiresAt?: number;
}

function tokenOf(key: TestKey, changes: TokenChanges = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);

  return new SignJWT({
    email: 'a@b.test',
    roles: [],
    typ: 'access',
    sid: 'session-1',
    ...changes.claims,
  })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid })
    .setSubject(SUBJECT)
    .setIssuer(changes.issuer ?? ISSUER)
    .setAudience(changes.audience ?? AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(changes.expiresAt ?? now + 900)
    .sign(key.privateKey);
}

async function refusalOf(verifier: AccessTokenVerifier, token: string): Promise<string> {
  const error: unknown = await verifier.verify(token).then(
    () => new Error('The token was accepted'),
    (refusal: unknown) => refusal,
  );
  if (error instanceof AppError) {
    return error.kind;
  }

  throw error;
}

/** A JWKS endpoint of our own on 127.0.0.1, serving whatever keys the test sets. */
async function startJwksServer(): Promise<{ url: string; keys: JWK[]; server: Server }> {
  const keys: JWK[] = [];
  const server = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return { url: `http://127.0.0.1:${port}/.well-known/jwks.json`, keys, server };
}

describe('AccessTokenVerifier', () => {
  let current: TestKey;
  let previous: TestKey;
  let verifier: AccessTokenVerifier;

  beforeAll(async () => {
    current = await newKey();
    previous = await newKey();
    verifier = new AccessTokenVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      publicKeysPem: [current.publicPem, previous.publicPem],
    });
  });

  it('accepts a token of any served key, naming its user and session', async () => {
    for (const key of [current, previous]) {
      await expect(verifier.verify(await tokenOf(key))).resolves.toEqual({
        id: SUBJECT,
        email: 'a@b.test',
        roles: [],
        sessionId: 'session-1',
      });
    }
  });

  it('keeps only the roles it knows', async () => {
    const token = await tokenOf(current, { claims: { roles: ['platform_admin', 'superuser', 7] } });

    await expect(verifier.verify(token)).resolves.toEqual(
      expect.objectContaining({ roles: ['platform_admin'] }),
    );
  });

  it('refuses an unsigned (alg: none) token', async () => {
    const unsigned = new UnsecuredJWT({ email: 'a@b.test', roles: [], typ: 'access' })
      .setSubject(SUBJECT)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .encode();

    await expect(refusalOf(verifier, unsigned)).resolves.toBe('unauthorized');
  });

  it('refuses an HS256 token keyed with the public key (PEM or JWK)', async () => {
    for (const secret of [current.publicPem, JSON.stringify(current.jwk)]) {
      const forged = await new SignJWT({
        email: 'a@b.test',
        roles: ['platform_admin'],
        typ: 'access',
      })
        .setProtectedHeader({ alg: 'HS256', kid: current.kid })
        .setSubject(SUBJECT)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(Buffer.from(secret));

      await expect(refusalOf(verifier, forged)).resolves.toBe('unauthorized');
    }
  });

  it('refuses a token of another issuer or for another audience', async () => {
    await expect(refusalOf(verifier, await tokenOf(current, { issuer: 'evil' }))).resolves.toBe(
      'unauthorized',
    );
    await expect(refusalOf(verifier, await tokenOf(current, { audience: 'other' }))).resolves.toBe(
      'unauthorized',
    );
  });

  it('refuses an expired token', async () => {
    const expired = await tokenOf(current, { expiresAt: Math.floor(Date.now() / 1000) - 1 });

    await expect(refusalOf(verifier, expired)).resolves.toBe('unauthorized');
  });

  it('refuses a token signed by a key nobody serves, with its kid or with ours', async () => {
    const stranger = await newKey();

    await expect(refusalOf(verifier, await tokenOf(stranger))).resolves.toBe('unauthorized');
    await expect(
      refusalOf(verifier, await tokenOf({ ...stranger, kid: current.kid })),
    ).resolves.toBe('unauthorized');
  });

  it('ignores a key embedded in the token header', async () => {
    const stranger = await newKey();
    const forged = await new SignJWT({ email: 'a@b.test', roles: [], typ: 'access' })
      .setProtectedHeader({ alg: 'ES256', jwk: stranger.jwk })
      .setSubject(SUBJECT)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(stranger.privateKey);

    await expect(refusalOf(verifier, forged)).resolves.toBe('unauthorized');
  });

  it('refuses tokens of another type signed by a served key, and opaque refresh tokens', async () => {
    for (const typ of ['refresh', 'password_reset', undefined]) {
      const token = await tokenOf(current, { claims: { typ } });

      await expect(refusalOf(verifier, token)).resolves.toBe('unauthorized');
    }
    await expect(refusalOf(verifier, randomBytes(32).toString('base64url'))).resolves.toBe(
      'unauthorized',
    );
  });

  describe('with the issuer JWKS', () => {
    let jwks: Awaited<ReturnType<typeof startJwksServer>>;

    beforeAll(async () => {
      jwks = await startJwksServer();
    });

    afterAll(async () => {
      jest.restoreAllMocks();
      await new Promise((resolve) => jwks.server.close(resolve));
    });

    it('fetches the set again for a kid it has not seen, once the cooldown is over', async () => {
      jwks.keys.splice(0, jwks.keys.length, previous.jwk);
      const remote = new AccessTokenVerifier({
        issuer: ISSUER,
        audience: AUDIENCE,
        jwksUrl: jwks.url,
      });
      await expect(remote.verify(await tokenOf(previous))).resolves.toEqual(
        expect.objectContaining({ id: SUBJECT }),
      );

      // The issuer rotates: it signs with the new key and still serves the old one.
      jwks.keys.splice(0, jwks.keys.length, current.jwk, previous.jwk);
      const rotated = await tokenOf(current);
      await expect(refusalOf(remote, rotated)).resolves.toBe('unauthorized');
      const realNow = Date.now.bind(Date);
      jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 31_000);

      await expect(remote.verify(rotated)).resolves.toEqual(
        expect.objectContaining({ id: SUBJECT }),
      );
      await expect(remote.verify(await tokenOf(previous))).resolves.toEqual(
        expect.objectContaining({ id: SUBJECT }),
      );
    });

    it('answers unavailable, not unauthorized, while the JWKS cannot be fetched', async () => {
      const down = await startJwksServer();
      await new Promise((resolve) => down.server.close(resolve));
      const remote = new AccessTokenVerifier({
        issuer: ISSUER,
        audience: AUDIENCE,
        jwksUrl: down.url,
      });

      await expect(refusalOf(remote, await tokenOf(current))).resolves.toBe('unavailable');
    });
  });
});
