import { createLocalJWKSet, jwtVerify } from 'jose';
import { signUp } from './support/accounts';
import { describeIdentityApp } from './support/identity-test-app';

const PUBLIC_JWK_FIELDS = ['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y'];

describeIdentityApp('GET /.well-known/jwks.json', ({ test }) => {
  test('publishes only the public part of the signing key', async (context) => {
    const response = await context.http().get('/.well-known/jwks.json').expect(200);

    expect(response.body.keys).toHaveLength(1);
    const [key] = response.body.keys as Array<Record<string, unknown>>;
    expect(Object.keys(key).sort()).toEqual(PUBLIC_JWK_FIELDS);
    expect(key).toEqual(
      expect.objectContaining({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' }),
    );
    expect(key).not.toHaveProperty('d');
  });

  test('verifies the access tokens that login issues', async (context) => {
    const account = await signUp(context);
    const jwks = await context.http().get('/.well-known/jwks.json').expect(200);

    const { payload, protectedHeader } = await jwtVerify(
      account.accessToken,
      createLocalJWKSet(jwks.body),
      { issuer: 'gym-identity', audience: 'gym-platform', algorithms: ['ES256'] },
    );

    expect(protectedHeader.kid).toBe(jwks.body.keys[0].kid);
    expect(payload).toEqual(expect.objectContaining({ sub: account.id, typ: 'access' }));
  });

  test('answers the same under the public prefix /identity', async (context) => {
    const direct = await context.http().get('/.well-known/jwks.json').expect(200);
    const prefixed = await context.http().get('/identity/.well-known/jwks.json').expect(200);
    expect(prefixed.body).toEqual(direct.body);

    const account = await signUp(context);
    const me = await context
      .http()
      .get('/identity/me')
      .auth(account.accessToken, { type: 'bearer' })
      .expect(200);
    expect(me.body.id).toBe(account.id);

    await context
      .http()
      .post('/identity/auth/login')
      .send({ email: account.email, password: account.password })
      .expect(200);
  });

  test('counts requests by route template and final status at /metrics', async (context) => {
    await context.http().get('/.well-known/jwks.json').expect(200);
    await context.http().get('/me').expect(401);
    await context.http().get('/no/such/route?token=abc').expect(404);
    await context
      .http()
      .post('/auth/login')
      .set('content-type', 'application/json')
      .send('{"email": ')
      .expect(400);
    await context
      .http()
      .post('/auth/login')
      .set('content-type', 'text/plain')
      .send('hi')
      .expect(415);

    const metrics = await context.http().get('/metrics').expect(200);

    const count = (labels: string): number => {
      const pattern = new RegExp(
        `^http_request_duration_seconds_count\\{${labels}\\} (\\d+)$`,
        'm',
      );

      return Number(pattern.exec(metrics.text)?.[1] ?? 0);
    };
    expect(count('method="GET",route="/.well-known/jwks.json",status="200"')).toBeGreaterThan(0);
    expect(count('method="GET",route="/me",status="401"')).toBeGreaterThan(0);
    expect(count('method="GET",route="unmatched",status="404"')).toBeGreaterThan(0);
    // Bodies refused before the handler count under their route.
    expect(count('method="POST",route="/auth/login",status="400"')).toBeGreaterThan(0);
    expect(count('method="POST",route="/auth/login",status="415"')).toBeGreaterThan(0);
    expect(metrics.text).not.toContain('/no/such/route');
    expect(metrics.text).not.toContain('token');
  });

  test('documents every endpoint with its error answers at /docs', async (context) => {
    const response = await context.http().get('/docs-json').expect(200);
    const paths = response.body.paths as Record<string, Record<string, { responses: object }>>;

    expect(Object.keys(paths).sort()).toEqual([
      '/.well-known/jwks.json',
      '/admin/users/{id}/disable',
      '/admin/users/{id}/enable',
      '/auth/2fa/resend',
      '/auth/2fa/verify',
      '/auth/login',
      '/auth/logout',
      '/auth/password-reset',
      '/auth/password-reset/confirm',
      '/auth/refresh',
      '/auth/register',
      '/gyms/{gymId}/members',
      '/gyms/{gymId}/members/{userId}',
      '/health',
      '/internal/gyms/{gymId}/owner',
      '/me',
      '/me/2fa',
      '/me/2fa/sms',
      '/me/2fa/sms/code',
      '/me/2fa/sms/confirm',
      '/me/gyms',
      '/me/sessions',
      '/me/sessions/{id}',
      '/metrics',
    ]);
    expect(Object.keys(paths['/auth/register'].post.responses).sort()).toEqual([
      '201',
      '400',
      '409',
      '429',
    ]);
    expect(Object.keys(paths['/auth/login'].post.responses).sort()).toEqual([
      '200',
      '400',
      '401',
      '403',
      '429',
      '503',
    ]);
    expect(Object.keys(paths['/me/sessions/{id}'].delete.responses).sort()).toEqual([
      '204',
      '400',
      '401',
      '404',
    ]);
    expect(Object.keys(paths['/me'].get.responses).sort()).toEqual(['200', '401']);

    const schemas = response.body.components.schemas as Record<string, { required?: string[] }>;
    expect(schemas.RegisterRequest.required?.sort()).toEqual(['email', 'name', 'password']);
    expect(schemas.MeResponse.required?.sort()).toEqual([
      'email',
      'id',
      'name',
      'roles',
      'twoFactorEnabled',
    ]);
    expect(schemas.ErrorResponse).toBeDefined();
  });
});
