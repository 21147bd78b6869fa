import { createHash } from 'node:crypto';
import { decodeJwt } from 'jose';
import { DataSource } from 'typeorm';
import { RefreshTokensService } from '../src/sessions/refresh-tokens.service';
import { newAccount, signUp } from './support/accounts';
import { describeIdentityApp, type IdentityTestApp } from './support/identity-test-app';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

function refresh(context: IdentityTestApp, refreshToken: string) {
  return context.http().post('/auth/refresh').send({ refreshToken });
}

async function refreshed(context: IdentityTestApp, refreshToken: string): Promise<string> {
  const response = await refresh(context, refreshToken).expect(200);

  return response.body.refreshToken as string;
}

/** As if the token had been spent a minute ago: past the grace window. */
async function spentAMinuteAgo(context: IdentityTestApp, refreshToken: string): Promise<void> {
  await context.app
    .get(DataSource)
    .query(
      `UPDATE refresh_tokens SET spent_at = spent_at - interval '1 minute' WHERE token_hash = $1`,
      [hashOf(refreshToken)],
    );
}

function sessionsOf(context: IdentityTestApp, accessToken: string) {
  return context.http().get('/me/sessions').auth(accessToken, { type: 'bearer' });
}

describeIdentityApp(
  'Sessions: refresh rotation, reuse, lifetime, logout and the sessions list',
  ({ test }) => {
    test('gives both of two simultaneous refreshes the same new refresh token', async (context) => {
      const account = await signUp(context);

      const answers = await Promise.all([
        refresh(context, account.refreshToken),
        refresh(context, account.refreshToken),
        refresh(context, account.refreshToken),
      ]);

      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
      const children = new Set(answers.map((answer) => answer.body.refreshToken as string));
      expect(children.size).toBe(1);
      const [child] = children;
      expect(child).not.toBe(account.refreshToken);
      for (const answer of answers) {
        await context
          .http()
          .get('/me')
          .auth(answer.body.accessToken, { type: 'bearer' })
          .expect(200);
      }
      await refresh(context, child).expect(200);
    });

    test('answers a spent token presented again within the grace window with the same child', async (context) => {
      const account = await signUp(context);

      const first = await refreshed(context, account.refreshToken);
      const again = await refreshed(context, account.refreshToken);

      expect(again).toBe(first);
    });

    test('ends the whole session when a spent token comes back after the grace window', async (context) => {
      const account = await signUp(context);
      const child = await refreshed(context, account.refreshToken);
      await spentAMinuteAgo(context, account.refreshToken);

      await refresh(context, account.refreshToken).expect(401);

      // The newest token of the family, never used, stops working too, and so does the
      // session's access token.
      await refresh(context, child).expect(401);
      await sessionsOf(context, account.accessToken).expect(401);
    });

    test('ends the session when a spent token comes back after its child was used', async (context) => {
      const account = await signUp(context);
      const child = await refreshed(context, account.refreshToken);
      const grandchild = await refreshed(context, child);

      await refresh(context, account.refreshToken).expect(401);

      await refresh(context, grandchild).expect(401);
    });

    test('keeps no sealed copy of a token past the grace window, and prunes old sessions', async (context) => {
      const account = await signUp(context);
      const db = context.app.get(DataSource);
      const tokens = context.app.get(RefreshTokensService);
      await refreshed(context, account.refreshToken);
      const sealed = `SELECT count(*)::int AS count FROM refresh_tokens
        WHERE user_id = $1 AND child_token_sealed IS NOT NULL`;
      expect((await db.query(sealed, [account.id]))[0].count).toBe(1);

      await spentAMinuteAgo(context, account.refreshToken);
      await tokens.wipeExpiredSeals();

      expect((await db.query(sealed, [account.id]))[0].count).toBe(0);
      await db.query(
        `UPDATE sessions SET expires_at = now() - interval '8 days' WHERE user_id = $1`,
        [account.id],
      );
      await tokens.pruneOld();
      const left = await db.query('SELECT id FROM refresh_tokens WHERE user_id = $1', [account.id]);
      expect(left).toEqual([]);
    });

    test('keeps the lifetime fixed at login, however often the session is refreshed', async (context) => {
      const account = await signUp(context);
      const [atLogin] = (await sessionsOf(context, account.accessToken).expect(200)).body;

      let token = account.refreshToken;
      for (let round = 0; round < 3; round += 1) {
        token = await refreshed(context, token);
      }

      const [afterRefreshes] = (await sessionsOf(context, account.accessToken).expect(200)).body;
      expect(afterRefreshes.expiresAt).toBe(atLogin.expiresAt);
      const days = (Date.parse(atLogin.expiresAt) - Date.parse(atLogin.createdAt)) / 86_400_000;
      expect(Math.round(days)).toBe(30);
      const [row] = await context.app
        .get(DataSource)
        .query('SELECT expires_at FROM refresh_tokens WHERE token_hash = $1', [hashOf(token)]);
      expect((row.expires_at as Date).toISOString()).toBe(atLogin.expiresAt);

      await context.app
        .get(DataSource)
        .query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [
          atLogin.id,
        ]);
      await refresh(context, token).expect(401);
    });

    test('ends the session on logout: its refresh token stops working, 204 also when unknown', async (context) => {
      const account = await signUp(context);
      const child = await refreshed(context, account.refreshToken);

      await context.http().post('/auth/logout').send({ refreshToken: child }).expect(204);

      await refresh(context, child).expect(401);
      await sessionsOf(context, account.accessToken).expect(401);
      await context
        .http()
        .post('/auth/logout')
        .send({ refreshToken: 'not-a-token-we-ever-issued' })
        .expect(204);
    });

    test('lists the live sessions, marks the current one, and ends another by id', async (context) => {
      const account = newAccount();
      const phone = await signUp(context, account);
      const laptop = await context
        .http()
        .post('/auth/login')
        .set('user-agent', 'Laptop browser/1.0')
        .send({ email: account.email, password: account.password })
        .expect(200);

      const listed = await sessionsOf(context, phone.accessToken).expect(200);

      expect(listed.body).toHaveLength(2);
      const laptopSession = decodeJwt(laptop.body.accessToken).sid as string;
      const phoneSession = decodeJwt(phone.accessToken).sid as string;
      expect(listed.body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: phoneSession, current: true }),
          expect.objectContaining({
            id: laptopSession,
            current: false,
            userAgent: 'Laptop browser/1.0',
            ip: expect.stringContaining('127.0.0.1'),
          }),
        ]),
      );

      await context
        .http()
        .delete(`/me/sessions/${laptopSession}`)
        .auth(phone.accessToken, { type: 'bearer' })
        .expect(204);

      await refresh(context, laptop.body.refreshToken).expect(401);
      await sessionsOf(context, laptop.body.accessToken).expect(401);
      const left = await sessionsOf(context, phone.accessToken).expect(200);
      expect(left.body.map((session: { id: string }) => session.id)).toEqual([phoneSession]);
      await context
        .http()
        .delete(`/me/sessions/${laptopSession}`)
        .auth(phone.accessToken, { type: 'bearer' })
        .expect(204);
    });

    test("answers 404 for another user's session and 400 for an id that is not one", async (context) => {
      const owner = await signUp(context);
      const stranger = await signUp(context);
      const ownerSession = decodeJwt(owner.accessToken).sid as string;

      await context
        .http()
        .delete(`/me/sessions/${ownerSession}`)
        .auth(stranger.accessToken, { type: 'bearer' })
        .expect(404);
      await context
        .http()
        .delete('/me/sessions/not-a-uuid')
        .auth(stranger.accessToken, { type: 'bearer' })
        .expect(400);

      await refresh(context, owner.refreshToken).expect(200);
      await context.http().get('/me/sessions').expect(401);
    });
  },
  { LOGIN_FREE_ATTEMPTS_PER_IP: '1000', REGISTER_FREE_ATTEMPTS_PER_IP: '1000' },
);
