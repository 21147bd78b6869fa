import { decodeJwt, decodeProtectedHeader } from 'jose';
import { newAccount, signUp } from './support/accounts';
import { describeIdentityApp } from './support/identity-test-app';

describeIdentityApp(
  'POST /auth/login',
  ({ test }) => {
    test('answers 200 with an ES256 access token, a refresh token and its lifetime', async (context) => {
      const account = newAccount({ email: 'Coach@Login.test' });
      await context.http().post('/auth/register').send(account).expect(201);

      const response = await context
        .http()
        .post('/auth/login')
        .send({ email: 'coach@login.TEST', password: account.password })
        .expect(200);

      expect(response.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.stringMatching(/^[\w-]{43}$/),
        expiresIn: 600,
        tokenType: 'Bearer',
      });
      expect(decodeProtectedHeader(response.body.accessToken)).toEqual({
        alg: 'ES256',
        kid: expect.any(String),
      });
      const claims = decodeJwt(response.body.accessToken);
      expect(claims).toEqual({
        sub: expect.any(String),
        email: 'Coach@Login.test',
        roles: [],
        typ: 'access',
        iss: 'gym-identity',
        aud: 'gym-platform',
        iat: expect.any(Number),
        exp: expect.any(Number),
        jti: expect.any(String),
        sid: expect.any(String),
      });
      expect(Number(claims.exp) - Number(claims.iat)).toBe(600);
    });

    test('gives one 401 body for a wrong password and for an unknown email', async (context) => {
      const account = await signUp(context);

      const wrongPassword = await context
        .http()
        .post('/auth/login')
        .send({ email: account.email, password: 'not-the-password' })
        .expect(401);
      const unknownEmail = await context
        .http()
        .post('/auth/login')
        .send({ email: 'nobody@login.test', password: account.password })
        .expect(401);

      const withoutRequestId = ({ requestId, ...body }: Record<string, unknown>) => {
        expect(requestId).toEqual(expect.any(String));

        return body;
      };
      expect(withoutRequestId(wrongPassword.body)).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'The email or the password is wrong.',
      });
      expect(withoutRequestId(unknownEmail.body)).toEqual(withoutRequestId(wrongPassword.body));
    });

    test('answers 400 for a body without a password', async (context) => {
      await context.http().post('/auth/login').send({ email: 'a@login.test' }).expect(400);
    });

    test('spends a refresh token for a new pair, once', async (context) => {
      const account = await signUp(context);

      const refreshed = await context
        .http()
        .post('/auth/refresh')
        .send({ refreshToken: account.refreshToken })
        .expect(200);
      expect(refreshed.body.refreshToken).not.toBe(account.refreshToken);
      await context
        .http()
        .get('/me')
        .auth(refreshed.body.accessToken, { type: 'bearer' })
        .expect(200);

      await context
        .http()
        .post('/auth/refresh')
        .send({ refreshToken: account.refreshToken })
        .expect(401);
    });

    test('ends the session on logout', async (context) => {
      const account = await signUp(context);

      await context
        .http()
        .post('/auth/logout')
        .send({ refreshToken: account.refreshToken })
        .expect(204);

      await context
        .http()
        .post('/auth/refresh')
        .send({ refreshToken: account.refreshToken })
        .expect(401);
    });
  },
  // No grace window here: a second use is a reuse at once (sessions.e2e-spec covers the window).
  { ACCESS_TOKEN_TTL_SECONDS: '600', REFRESH_TOKEN_REUSE_GRACE_SECONDS: '0' },
);
