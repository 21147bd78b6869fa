import { randomBytes, randomUUID } from 'node:crypto';
import { stripeApiError, waitForValue } from '@app/testing';
import { DataSource } from 'typeorm';
import { requireServers } from './support/integration';
import { TestPlatform } from './support/platform';

describe('Wizard API: input, ownership, admin, docs (PostgreSQL and RabbitMQ)', () => {
  let platform: TestPlatform;
  let db: DataSource;
  let owner: { token: string; email: string };
  let auth: { authorization: string };

  beforeAll(async () => {
    await requireServers();
    platform = await TestPlatform.start('servers');
    db = platform.wizard.get(DataSource);
    owner = await platform.signUp();
    auth = { authorization: `Bearer ${owner.token}` };
  }, 60_000);

  afterAll(async () => {
    await platform?.stop();
  });

  const gymCount = async () => Number((await db.query('SELECT count(*) FROM gyms'))[0].count);

  async function createGym(headers = auth) {
    const answer = await platform.wizardHttp
      .post('/gyms')
      .set(headers)
      .send({ name: 'Owned Gym', planId: 'studio_monthly' })
      .expect(201);

    return answer.body.id as string;
  }

  describe('bad input gets a 4xx with a clear message and changes nothing', () => {
    it.each([
      ['no name', { planId: 'studio_monthly' }, /name is required/],
      ['a blank name', { name: '   ', planId: 'studio_monthly' }, /name should not be empty/],
      ['an unknown plan', { name: 'Gym', planId: 'platinum' }, /There is no plan .+platinum/],
      [
        'a field the API does not know',
        { name: 'Gym', planId: 'studio_monthly', ownerId: 'x' },
        /ownerId should not exist/,
      ],
      ['a number for a name', { name: 42, planId: 'studio_monthly' }, /name must be a string/],
      [
        'a name with a right-to-left override',
        { name: 'Gym \u202eMIG', planId: 'studio_monthly' },
        /name must not contain control characters or text-direction controls/,
      ],
    ])('POST /gyms with %s: 400', async (_case, body, message) => {
      const before = await gymCount();

      const answer = await platform.wizardHttp.post('/gyms').set(auth).send(body).expect(400);

      expect(answer.body).toEqual(
        expect.objectContaining({
          statusCode: 400,
          error: 'Bad Request',
          requestId: expect.any(String),
        }),
      );
      expect(JSON.stringify(answer.body.message)).toMatch(message);
      expect(await gymCount()).toBe(before);
    });

    it('answers a body that is not JSON with 400 in the same shape', async () => {
      const answer = await platform.wizardHttp
        .post('/gyms')
        .set(auth)
        .set('content-type', 'application/json')
        .send('{"name": "Gym",')
        .expect(400);

      expect(answer.body).toEqual(
        expect.objectContaining({ statusCode: 400, message: 'The body is not valid JSON.' }),
      );
    });

    it('answers a 2 MB body with 413, also on the webhook', async () => {
      const huge = JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024), planId: 'studio_monthly' });

      const gyms = await platform.wizardHttp
        .post('/gyms')
        .set(auth)
        .set('content-type', 'application/json')
        .send(huge);
      const webhook = await platform.wizardHttp
        .post('/webhooks/stripe')
        .set('content-type', 'application/json')
        .send(huge);

      expect([gyms.status, gyms.body.statusCode]).toEqual([413, 413]);
      expect([webhook.status, webhook.body.statusCode]).toEqual([413, 413]);
    });

    it.each([
      [
        'nested 1,000 levels deep',
        `${'{"a":'.repeat(1_000)}1${'}'.repeat(1_000)}`,
        /deeper than 64/,
      ],
      [
        'nested 10,000 levels deep',
        `{"name":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
        /deeper/,
      ],
      ['holding a NUL character', '{"name":"a\\u0000b","planId":"studio_monthly"}', /NUL/],
    ])('answers a body %s with 400, never a 5xx', async (_case, body, message) => {
      const before = await gymCount();

      const answer = await platform.wizardHttp
        .post('/gyms')
        .set(auth)
        .set('content-type', 'application/json')
        .send(body)
        .expect(400);

      expect(answer.body.message).toMatch(message);
      expect(await gymCount()).toBe(before);
    });

    it('answers a gym id that is not a uuid with 400', async () => {
      const answer = await platform.wizardHttp.get('/gyms/not-a-uuid').set(auth).expect(400);

      expect(answer.body.message).toMatch(/uuid/);
    });
  });

  describe('tokens and ownership', () => {
    it('refuses a missing or forged token with 401', async () => {
      await platform.wizardHttp
        .post('/gyms')
        .send({ name: 'Gym', planId: 'studio_monthly' })
        .expect(401);
      const forged = `${owner.token.slice(0, -4)}AAAA`;
      await platform.wizardHttp
        .get('/plans')
        .set({ authorization: `Bearer ${forged}` })
        .expect(200);
      await platform.wizardHttp
        .post('/gyms')
        .set({ authorization: `Bearer ${forged}` })
        .send({})
        .expect(401);
    });

    it('refuses the access token of a session that was logged out at Identity', async () => {
      const email = `leaver-${randomBytes(4).toString('hex')}@gym.example.test`;
      const password = `pw-${randomBytes(8).toString('hex')}`;
      await platform.identityHttp
        .post('/auth/register')
        .send({ email, password, name: 'Leaver' })
        .expect(201);
      const login = await platform.identityHttp
        .post('/auth/login')
        .send({ email, password })
        .expect(200);

      await platform.identityHttp
        .post('/auth/logout')
        .send({ refreshToken: login.body.refreshToken })
        .expect(204);

      const answer = await platform.wizardHttp
        .post('/gyms')
        .set({ authorization: `Bearer ${login.body.accessToken}` })
        .send({ name: 'Never', planId: 'studio_monthly' })
        .expect(401);
      expect(answer.body.message).toMatch(/session has ended/);
    });

    it('lets the user of gym A read or change nothing of gym B: 404 as if it did not exist', async () => {
      const gymOfA = await createGym();
      const other = await platform.signUp();
      const asB = { authorization: `Bearer ${other.token}` };

      const read = await platform.wizardHttp.get(`/gyms/${gymOfA}`).set(asB).expect(404);
      await platform.wizardHttp.post(`/gyms/${gymOfA}/checkout`).set(asB).expect(404);
      await platform.wizardHttp.get(`/gyms/${gymOfA}/payments`).set(asB).expect(404);

      expect(read.body.message).not.toContain('Owned Gym');
      const [{ status }] = await db.query('SELECT status FROM gyms WHERE id = $1', [gymOfA]);
      expect(status).toBe('draft');
    });
  });

  describe('checkout', () => {
    it('answers 503 and keeps the gym a draft when Stripe refuses', async () => {
      const gymId = await createGym();
      platform.stripe.failNext('/v1/checkout/sessions', stripeApiError('card_declined'));

      const answer = await platform.wizardHttp
        .post(`/gyms/${gymId}/checkout`)
        .set(auth)
        .expect(503);

      expect(answer.body.message).toMatch(/Stripe could not start the checkout/);
      const gym = await platform.wizardHttp.get(`/gyms/${gymId}`).set(auth).expect(200);
      expect(gym.body.status).toBe('draft');
    });

    it('refuses a checkout for a gym that is already paid', async () => {
      const gymId = await createGym();
      await db.query(`UPDATE gyms SET status = 'active' WHERE id = $1`, [gymId]);

      const answer = await platform.wizardHttp
        .post(`/gyms/${gymId}/checkout`)
        .set(auth)
        .expect(409);

      expect(answer.body.message).toMatch(/already active/);
    });
  });

  describe('activation links', () => {
    const tokenOf = (text: string) => /activate\?token=([\w-]+)/.exec(text)?.[1] ?? '';

    it('sends a new link on request; the old one stops working, the new one activates', async () => {
      const { owner, auth: ownerAuth, gymId, sessionId } = await platform.gymAwaitingPayment();
      await platform.deliver(platform.checkoutEvent(gymId, sessionId)).expect(200);
      const first = tokenOf((await platform.waitForEmail(owner.email, 'Activate')).text);

      const stranger = await platform.signUp();
      await platform.wizardHttp
        .post(`/gyms/${gymId}/activation-link`)
        .set({ authorization: `Bearer ${stranger.token}` })
        .expect(404);
      await platform.wizardHttp.post(`/gyms/${gymId}/activation-link`).set(ownerAuth).expect(202);
      const second = await waitForValue('a second activation email', () => {
        const links = platform
          .sentEmails()
          .filter((email) => email.to === owner.email && email.subject.includes('Activate'))
          .map((email) => tokenOf(email.text));

        return links.find((token) => token !== first);
      });

      const stale = await platform.wizardHttp
        .post('/activation')
        .send({ token: first })
        .expect(410);
      expect(stale.body.message).toMatch(/expired/);
      await platform.wizardHttp.post('/activation').send({ token: second }).expect(200);
      await platform.wizardHttp.post(`/gyms/${gymId}/activation-link`).set(ownerAuth).expect(409);
    });
  });

  describe('admin email outbox', () => {
    it('is closed to users who are not platform admins', async () => {
      await platform.wizardHttp.get('/admin/emails').set(auth).expect(403);
    });

    it('lists the outbox and sends a dead email again', async () => {
      const admin = await platform.signUpAdmin();
      const asAdmin = { authorization: `Bearer ${admin.token}` };
      const [dead] = await db.query(
        `INSERT INTO email_outbox (template, to_address, data, idempotency_key, status, attempts, last_error)
         VALUES ('welcome', $1, $2, $3, 'dead', 8, 'Mailjet answered 503')
         RETURNING id`,
        [
          owner.email,
          { gymName: 'Dead Letter Gym', dashboardUrl: 'https://dashboard.gym.example.test/gyms/1' },
          `test:${randomBytes(4).toString('hex')}`,
        ],
      );

      const listed = await platform.wizardHttp
        .get('/admin/emails')
        .query({ status: 'dead' })
        .set(asAdmin)
        .expect(200);
      expect(listed.body).toEqual([
        expect.objectContaining({
          id: dead.id,
          template: 'welcome',
          to: owner.email,
          status: 'dead',
          attempts: 8,
          lastError: 'Mailjet answered 503',
        }),
      ]);
      expect(JSON.stringify(listed.body)).not.toContain('dashboardUrl');

      await platform.wizardHttp.post(`/admin/emails/${dead.id}/retry`).set(asAdmin).expect(202);
      await platform.waitForEmail(owner.email, 'Dead Letter Gym');
      await platform.wizardHttp.post(`/admin/emails/${dead.id}/retry`).set(asAdmin).expect(409);
      await platform.wizardHttp
        .post(`/admin/emails/${randomUUID()}/retry`)
        .set(asAdmin)
        .expect(404);
      await platform.wizardHttp
        .get('/admin/emails')
        .query({ status: 'lost' })
        .set(asAdmin)
        .expect(400);
    });

    it('refuses an admin whose role was taken away, though the token still says admin', async () => {
      const admin = await platform.signUpAdmin();
      await platform.identity
        .get(DataSource)
        .query(`UPDATE users SET roles = '{}' WHERE email_normalized = $1`, [admin.email]);

      await platform.wizardHttp
        .get('/admin/emails')
        .set({ authorization: `Bearer ${admin.token}` })
        .expect(403);
    });
  });

  it('documents every endpoint of the contract in OpenAPI, errors included', async () => {
    const wizard = (await platform.wizardHttp.get('/docs-json').expect(200)).body;
    const identity = (await platform.identityHttp.get('/docs-json').expect(200)).body;

    expect(Object.keys(wizard.paths)).toEqual(
      expect.arrayContaining([
        '/plans',
        '/gyms',
        '/gyms/{id}',
        '/gyms/{id}/checkout',
        '/gyms/{id}/payments',
        '/webhooks/stripe',
        '/activation',
        '/admin/emails',
        '/admin/emails/{id}/retry',
      ]),
    );
    expect(Object.keys(identity.paths)).toEqual(
      expect.arrayContaining(['/auth/register', '/auth/login', '/me', '/.well-known/jwks.json']),
    );
    expect(Object.keys(wizard.paths['/gyms'].post.responses)).toEqual(
      expect.arrayContaining(['201', '400', '401']),
    );
    expect(wizard.components.schemas.ErrorResponse).toBeDefined();
  });
});
