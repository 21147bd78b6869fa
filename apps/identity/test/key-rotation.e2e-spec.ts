import { createPublicKey } from 'node:crypto';
import { createServer, request as httpRequest, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AccessTokenVerifier, type ServiceEnv } from '@app/common';
import type { TestDatabase } from '@app/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { decodeProtectedHeader } from 'jose';
import request from 'supertest';
import { createIdentityApp } from '../src/bootstrap';
import { newAccount } from './support/accounts';
import { testDatabaseOrSkip } from './support/test-database-or-skip';
import { newSigningKeyPem } from './support/test-signing-key';

function publicPemOf(privatePem: string): string {
  return createPublicKey(privatePem).export({ type: 'spki', format: 'pem' }).toString();
}

function urlOf(app: NestFastifyApplication): string {
  return `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
}

/** Stands for Identity's one public address, whichever copy answers behind it. */
class SwitchableProxy {
  target = '';
  private readonly server: Server = createServer((incoming, outgoing) => {
    const upstream = httpRequest(
      `${this.target}${incoming.url}`,
      { method: incoming.method, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    incoming.pipe(upstream);
  });

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));

    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('Rotating the signing key logs nobody out', () => {
  const oldKey = newSigningKeyPem();
  const newKey = newSigningKeyPem();
  const apps: NestFastifyApplication[] = [];
  const proxy = new SwitchableProxy();
  let database: TestDatabase | undefined;
  let identityUrl: string;

  beforeAll(async () => {
    database = await testDatabaseOrSkip('key_rotation');
    identityUrl = await proxy.listen();
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    for (const app of apps) {
      await app.close();
    }
    await proxy.close();
    await database?.drop();
  });

  async function startIdentity(env: ServiceEnv): Promise<NestFastifyApplication> {
    const app = await createIdentityApp({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database?.url,
      ...env,
    });
    apps.push(app);
    await app.listen(0, '127.0.0.1');

    return app;
  }

  it('keeps tokens of the previous key valid at Identity and at the Wizard, and mints with the new one', async () => {
    if (!database) {
      return;
    }
    const before = await startIdentity({ JWT_PRIVATE_KEY: oldKey });
    proxy.target = urlOf(before);
    const account = newAccount();
    const credentials = { email: account.email, password: account.password };
    await request(identityUrl).post('/auth/register').send(account).expect(201);
    const oldLogin = await request(identityUrl).post('/auth/login').send(credentials).expect(200);
    const oldToken = oldLogin.body.accessToken as string;
    // As the Wizard builds it: Identity's JWKS, fetched and cached.
    const wizard = new AccessTokenVerifier({
      issuer: 'gym-identity',
      audience: 'gym-platform',
      jwksUrl: `${identityUrl}/.well-known/jwks.json`,
    });
    await expect(wizard.verify(oldToken)).resolves.toEqual(
      expect.objectContaining({ email: account.email }),
    );

    const after = await startIdentity({
      JWT_PRIVATE_KEY: newKey,
      JWT_PREVIOUS_PUBLIC_KEYS: Buffer.from(publicPemOf(oldKey)).toString('base64'),
    });
    proxy.target = urlOf(after);
    await before.close();

    const jwks = await request(identityUrl).get('/.well-known/jwks.json').expect(200);
    const oldKid = decodeProtectedHeader(oldToken).kid;
    const newLogin = await request(identityUrl).post('/auth/login').send(credentials).expect(200);
    const newToken = newLogin.body.accessToken as string;
    const newKid = decodeProtectedHeader(newToken).kid;
    expect(newKid).not.toBe(oldKid);
    expect(jwks.body.keys.map((key: { kid: string }) => key.kid)).toEqual([newKid, oldKid]);

    for (const token of [oldToken, newToken]) {
      await request(identityUrl).get('/me').auth(token, { type: 'bearer' }).expect(200);
    }
    await request(identityUrl)
      .post('/auth/refresh')
      .send({ refreshToken: oldLogin.body.refreshToken })
      .expect(200);

    await expect(wizard.verify(oldToken)).resolves.toEqual(
      expect.objectContaining({ email: account.email }),
    );
    // jose fetches the JWKS again for an unseen kid once its 30 s cooldown is over.
    const realNow = Date.now.bind(Date);
    jest.spyOn(Date, 'now').mockImplementation(() => realNow() + 31_000);
    await expect(wizard.verify(newToken)).resolves.toEqual(
      expect.objectContaining({ email: account.email }),
    );
    jest.restoreAllMocks();

    // Once the old key is dropped from the configuration, its tokens stop working.
    const retired = await startIdentity({ JWT_PRIVATE_KEY: newKey });
    await request(retired.getHttpServer())
      .get('/me')
      .auth(oldToken, { type: 'bearer' })
      .expect(401);
    await request(retired.getHttpServer())
      .get('/me')
      .auth(newToken, { type: 'bearer' })
      .expect(200);
  }, 60_000);

  it('refuses to start with a previous key that is not an EC P-256 public key', async () => {
    if (!database) {
      return;
    }

    await expect(startIdentity({ JWT_PREVIOUS_PUBLIC_KEYS: oldKey })).rejects.toThrow(
      /JWT_PREVIOUS_PUBLIC_KEYS: must be EC P-256 public keys/,
    );
  });
});
