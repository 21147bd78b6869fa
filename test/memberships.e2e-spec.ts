import { randomUUID } from 'node:crypto';
import { isPostgresReachable, waitFor, waitForValue } from '@app/testing';
import { DataSource } from 'typeorm';
import { TestPlatform } from './support/platform';

const ACTIVATION_LINK = /https:\/\/dashboard\.gym\.example\.test\/activate\?token=([\w-]+)/;

interface SyncRow {
  status: string;
  attempts: number;
  last_error: string | null;
}

type Auth = { authorization: string };

const FREE_LOOKUP_MISSES = 3;

describe('gym memberships: owner sync from the Wizard, rights checked at Identity', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    if (!(await isPostgresReachable())) {
      throw new Error(
        'The memberships suite needs PostgreSQL (127.0.0.1:5432 or TEST_DATABASE_URL).',
      );
    }
    // Memberships need no RabbitMQ: the in-process queue keeps this suite off the shared broker.
    const noRabbitMq = { AMQP_URL: undefined };
    platform = await TestPlatform.start('servers', {
      wizard: noRabbitMq,
      identity: { ...noRabbitMq, MEMBER_LOOKUP_FREE_MISSES_PER_USER: String(FREE_LOOKUP_MISSES) },
    });
  }, 60_000);

  afterAll(async () => {
    await platform?.stop();
  });

  const wizardDb = () => platform.wizard.get(DataSource);
  const identityDb = () => platform.identity.get(DataSource);

  const bearer = (token: string): Auth => ({ authorization: `Bearer ${token}` });

  const internal = (token = platform.secrets.internalApiToken) => ({ 'x-internal-token': token });

  const syncRow = async (gymId: string): Promise<SyncRow | undefined> =>
    (
      await wizardDb().query(
        `SELECT status, attempts, last_error FROM identity_sync
          WHERE kind = 'owner_membership' AND gym_id = $1`,
        [gymId],
      )
    )[0];

  const liveMemberships = async (
    gymId: string,
  ): Promise<Array<{ user_id: string; role: string }>> =>
    identityDb().query(
      'SELECT user_id, role FROM gym_memberships WHERE gym_id = $1 AND removed_at IS NULL',
      [gymId],
    );

  const myGyms = async (auth: Auth) =>
    (await platform.identityHttp.get('/me/gyms').set(auth).expect(200)).body as Array<{
      gymId: string;
      role: string;
    }>;

  /** A paid gym and the token of its activation link. */
  async function paidGym() {
    const { owner, auth, gymId, sessionId } = await platform.gymAwaitingPayment();
    await platform.deliver(platform.checkoutEvent(gymId, sessionId)).expect(200);

    const email = await platform.waitForEmail(owner.email, 'Activate');
    const token = ACTIVATION_LINK.exec(email.text)?.[1];

    return { owner, auth, gymId, token };
  }

  function waitForSyncDone(gymId: string): Promise<SyncRow> {
    return waitForValue(`the identity_sync row of gym ${gymId} to be done`, async () => {
      const row = await syncRow(gymId);

      return row?.status === 'done' ? row : undefined;
    });
  }

  function waitForOwnerMembership(auth: Auth, gymId: string): Promise<void> {
    return waitFor(
      `the owner membership of gym ${gymId} at Identity`,
      async () => (await myGyms(auth)).some((gym) => gym.gymId === gymId && gym.role === 'owner'),
      15_000,
    );
  }

  /** An active gym whose owner's membership has reached Identity. */
  async function activeGym() {
    const gym = await paidGym();
    await platform.wizardHttp.post('/activation').send({ token: gym.token }).expect(200);
    await waitForOwnerMembership(gym.auth, gym.gymId);

    return gym;
  }

  async function addMember(gymId: string, ownerAuth: Auth, role: 'staff' | 'member') {
    const person = await platform.signUp();
    await platform.identityHttp
      .post(`/gyms/${gymId}/members`)
      .set(ownerAuth)
      .send({ email: person.email, role })
      .expect(201);

    return { ...person, auth: bearer(person.token) };
  }

  describe('the owner membership, from the Wizard', () => {
    it('appears at Identity once the gym is activated, synced in one attempt', async () => {
      const { auth, gymId, token } = await paidGym();
      expect(await myGyms(auth)).toEqual([]);

      await platform.wizardHttp.post('/activation').send({ token }).expect(200);
      await waitForOwnerMembership(auth, gymId);

      expect(await myGyms(auth)).toEqual([{ gymId, role: 'owner', joinedAt: expect.any(String) }]);
      expect(await waitForSyncDone(gymId)).toEqual({
        status: 'done',
        attempts: 1,
        last_error: null,
      });
    });

    it('waits out an Identity outage and arrives once Identity is back, once', async () => {
      const { owner, auth, gymId, token } = await paidGym();

      await platform.stopIdentity();
      try {
        await platform.wizardHttp.post('/activation').send({ token }).expect(200);
        const failing = await waitForValue('the sync to fail and be retried', async () => {
          const row = await syncRow(gymId);

          return row && row.attempts >= 2 && row.status === 'retrying' ? row : undefined;
        });
        expect(failing.last_error).toMatch(/Identity is unreachable: ECONNREFUSED/);
      } finally {
        await platform.restartIdentity();
      }

      await waitForOwnerMembership(auth, gymId);
      expect(await liveMemberships(gymId)).toEqual([{ user_id: owner.id, role: 'owner' }]);
      expect(await waitForSyncDone(gymId)).toEqual(
        expect.objectContaining({ status: 'done', last_error: null }),
      );
      expect(platform.logsContaining('Identity sync failed').length).toBeGreaterThan(0);
    });

    it('is claimed by one Wizard copy only when several run', async () => {
      await platform.startWizardCopy();
      const gyms = await Promise.all([paidGym(), paidGym(), paidGym()]);

      await Promise.all(
        gyms.map((gym) =>
          platform.wizardHttp.post('/activation').send({ token: gym.token }).expect(200),
        ),
      );
      await Promise.all(gyms.map((gym) => waitForOwnerMembership(gym.auth, gym.gymId)));

      for (const gym of gyms) {
        expect(await waitForSyncDone(gym.gymId)).toEqual(expect.objectContaining({ attempts: 1 }));
      }
    });
  });

  describe('the internal endpoint', () => {
    it('keeps one membership however often, and however concurrently, it is called', async () => {
      const owner = await platform.signUp();
      const gymId = randomUUID();
      const call = () =>
        platform.identityHttp
          .put(`/internal/gyms/${gymId}/owner`)
          .set(internal())
          .send({ userId: owner.id });

      await call().expect(204);
      await call().expect(204);
      const racing = await Promise.all([call(), call(), call(), call()]);

      expect(racing.map((answer) => answer.status)).toEqual([204, 204, 204, 204]);
      expect(await liveMemberships(gymId)).toEqual([{ user_id: owner.id, role: 'owner' }]);
    });

    it('answers 401 without the service token, with a wrong one, or with a user token', async () => {
      const user = await platform.signUp();
      const gymId = randomUUID();
      const path = `/internal/gyms/${gymId}/owner`;
      const body = { userId: user.id };

      await platform.identityHttp.put(path).send(body).expect(401);
      await platform.identityHttp
        .put(path)
        .set(internal('x'.repeat(64)))
        .send(body)
        .expect(401);
      const asUser = await platform.identityHttp
        .put(path)
        .set(bearer(user.token))
        .send(body)
        .expect(401);

      expect(asUser.body.message).toMatch(/x-internal-token/);
      expect(await liveMemberships(gymId)).toEqual([]);
    });

    it('answers 400 for a bad body, 404 for an unknown user, 409 for a second owner', async () => {
      const owner = await platform.signUp();
      const other = await platform.signUp();
      const gymId = randomUUID();
      const path = `/internal/gyms/${gymId}/owner`;

      await platform.identityHttp.put(path).set(internal()).send({ userId: 'nope' }).expect(400);
      await platform.identityHttp
        .put(path)
        .set(internal())
        .send({ userId: randomUUID() })
        .expect(404);
      await platform.identityHttp.put(path).set(internal()).send({ userId: owner.id }).expect(204);
      await platform.identityHttp.put(path).set(internal()).send({ userId: other.id }).expect(409);

      expect(await liveMemberships(gymId)).toEqual([{ user_id: owner.id, role: 'owner' }]);
    });
  });

  describe('members of a gym', () => {
    it('lets the owner add staff and members, staff list them, and members not (403)', async () => {
      const { owner, auth, gymId } = await activeGym();
      const staff = await platform.signUp();

      const added = await platform.identityHttp
        .post(`/gyms/${gymId}/members`)
        .set(auth)
        .send({ email: `  ${staff.email.toUpperCase()} `, role: 'staff' })
        .expect(201);
      const member = await addMember(gymId, auth, 'member');

      expect(added.body).toEqual({
        userId: staff.id,
        email: staff.email,
        name: 'Gym Owner',
        role: 'staff',
        joinedAt: expect.any(String),
      });
      const listed = await platform.identityHttp
        .get(`/gyms/${gymId}/members`)
        .set(bearer(staff.token))
        .expect(200);
      expect(listed.body).toEqual([
        expect.objectContaining({ userId: owner.id, role: 'owner' }),
        expect.objectContaining({ userId: staff.id, role: 'staff' }),
        expect.objectContaining({ userId: member.id, role: 'member' }),
      ]);
      expect(await myGyms(member.auth)).toEqual([
        { gymId, role: 'member', joinedAt: expect.any(String) },
      ]);
      const refused = await platform.identityHttp
        .get(`/gyms/${gymId}/members`)
        .set(member.auth)
        .expect(403);
      expect(refused.body.message).toMatch(/owner or staff/);
    });

    it('lets only the owner add or remove members (403 for staff)', async () => {
      const { auth, gymId } = await activeGym();
      const staff = await addMember(gymId, auth, 'staff');
      const member = await addMember(gymId, auth, 'member');
      const newcomer = await platform.signUp();

      await platform.identityHttp
        .post(`/gyms/${gymId}/members`)
        .set(staff.auth)
        .send({ email: newcomer.email, role: 'member' })
        .expect(403);
      await platform.identityHttp
        .delete(`/gyms/${gymId}/members/${member.id}`)
        .set(staff.auth)
        .expect(403);

      expect(await liveMemberships(gymId)).toHaveLength(3);
    });

    it('refuses an unknown email (404), a second membership (409) and a bad role (400)', async () => {
      const { owner, auth, gymId } = await activeGym();
      const staff = await addMember(gymId, auth, 'staff');
      const add = (body: object) =>
        platform.identityHttp.post(`/gyms/${gymId}/members`).set(auth).send(body);

      const unknown = await add({ email: 'nobody@gym.example.test', role: 'member' }).expect(404);
      await add({ email: staff.email, role: 'member' }).expect(409);
      await add({ email: owner.email, role: 'staff' }).expect(409);
      const owner2 = await add({ email: staff.email, role: 'owner' }).expect(400);
      await add({ email: 'not-an-email', role: 'member' }).expect(400);

      expect(unknown.body.message).toMatch(/sign up/);
      expect(JSON.stringify(owner2.body.message)).toMatch(/role must be one of staff, member/);
      expect(await liveMemberships(gymId)).toHaveLength(2);
    });

    it('delays an owner after too many emails no account has (429); found ones do not count', async () => {
      const { auth, gymId } = await activeGym();
      const add = (email: string) =>
        platform.identityHttp
          .post(`/gyms/${gymId}/members`)
          .set(auth)
          .send({ email, role: 'member' });
      const found = await platform.signUp();
      await add(found.email).expect(201);

      for (let miss = 1; miss <= FREE_LOOKUP_MISSES; miss += 1) {
        await add(`probe-${miss}@gym.example.test`).expect(404);
      }
      const refused = await add('probe-next@gym.example.test').expect(429);
      const stillRefused = await add(found.email).expect(429);

      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(stillRefused.body.message).toMatch(/too many/i);
      expect(await liveMemberships(gymId)).toHaveLength(2);
    });

    it('takes access away from removed staff with their very next request (404)', async () => {
      const { auth, gymId } = await activeGym();
      const staff = await addMember(gymId, auth, 'staff');
      await platform.identityHttp.get(`/gyms/${gymId}/members`).set(staff.auth).expect(200);

      await platform.identityHttp
        .delete(`/gyms/${gymId}/members/${staff.id}`)
        .set(auth)
        .expect(204);

      await platform.identityHttp.get(`/gyms/${gymId}/members`).set(staff.auth).expect(404);
      expect(await myGyms(staff.auth)).toEqual([]);
      await platform.identityHttp
        .delete(`/gyms/${gymId}/members/${staff.id}`)
        .set(auth)
        .expect(404);
      await platform.identityHttp
        .post(`/gyms/${gymId}/members`)
        .set(auth)
        .send({ email: staff.email, role: 'member' })
        .expect(201);
    });

    it('never removes the owner (409)', async () => {
      const { owner, auth, gymId } = await activeGym();

      const answer = await platform.identityHttp
        .delete(`/gyms/${gymId}/members/${owner.id}`)
        .set(auth)
        .expect(409);

      expect(answer.body.message).toMatch(/owner/);
      expect(await liveMemberships(gymId)).toEqual([{ user_id: owner.id, role: 'owner' }]);
    });

    it("lets gym A's owner read or change nothing of gym B's members: 404", async () => {
      const gymA = await activeGym();
      const gymB = await activeGym();
      const staffOfB = await addMember(gymB.gymId, gymB.auth, 'staff');
      const outsider = await platform.signUp();
      const members = `/gyms/${gymB.gymId}/members`;

      const read = await platform.identityHttp.get(members).set(gymA.auth).expect(404);
      await platform.identityHttp
        .post(members)
        .set(gymA.auth)
        .send({ email: outsider.email, role: 'staff' })
        .expect(404);
      await platform.identityHttp.delete(`${members}/${staffOfB.id}`).set(gymA.auth).expect(404);
      await platform.identityHttp.delete(`${members}/${gymB.owner.id}`).set(gymA.auth).expect(404);
      const missing = await platform.identityHttp
        .get(`/gyms/${randomUUID()}/members`)
        .set(gymA.auth)
        .expect(404);

      expect(read.body.message).toMatch(/among your gyms/);
      expect(missing.body.message).toMatch(/among your gyms/);
      expect(await liveMemberships(gymB.gymId)).toEqual(
        expect.arrayContaining([
          { user_id: gymB.owner.id, role: 'owner' },
          { user_id: staffOfB.id, role: 'staff' },
        ]),
      );
      expect(await liveMemberships(gymB.gymId)).toHaveLength(2);
    });

    it('answers 401 without a token and 400 for a gym id that is not a uuid', async () => {
      const { auth } = await activeGym();

      await platform.identityHttp.get(`/gyms/${randomUUID()}/members`).expect(401);
      await platform.identityHttp.get('/me/gyms').expect(401);
      await platform.identityHttp.get('/gyms/not-a-uuid/members').set(auth).expect(400);
    });
  });

  it('prints the service token in no log line', () => {
    expect(platform.logsContaining('Identity sync').length).toBeGreaterThan(0);
    expect(platform.logLines.join('\n')).not.toContain(platform.secrets.internalApiToken);
  });

  it('documents every membership endpoint with its error answers', async () => {
    const docs = (await platform.identityHttp.get('/docs-json').expect(200)).body;
    const responsesOf = (path: string, method: string) =>
      Object.keys(docs.paths[path][method].responses).sort();

    expect(responsesOf('/gyms/{gymId}/members', 'get')).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
    ]);
    expect(responsesOf('/gyms/{gymId}/members', 'post')).toEqual([
      '201',
      '400',
      '401',
      '403',
      '404',
      '409',
      '429',
    ]);
    expect(responsesOf('/gyms/{gymId}/members/{userId}', 'delete')).toEqual([
      '204',
      '400',
      '401',
      '403',
      '404',
      '409',
    ]);
    expect(responsesOf('/me/gyms', 'get')).toEqual(['200', '401']);
    expect(docs.paths['/internal/gyms/{gymId}/owner'].put.tags).toEqual(['internal']);
  });
});
