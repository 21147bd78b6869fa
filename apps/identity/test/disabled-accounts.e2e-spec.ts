import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { newAccount, signUp } from './support/accounts';
import { describeIdentityApp, type IdentityTestApp } from './support/identity-test-app';

async function signUpAdmin(context: IdentityTestApp) {
  const account = newAccount();
  await context.http().post('/auth/register').send(account).expect(201);
  await context.app
    .get(DataSource)
    .query(`UPDATE users SET roles = '{platform_admin}' WHERE email_normalized = $1`, [
      account.email.toLowerCase(),
    ]);
  const login = await context
    .http()
    .post('/auth/login')
    .send({ email: account.email, password: account.password })
    .expect(200);

  return { ...account, accessToken: login.body.accessToken as string };
}

function setDisabled(
  context: IdentityTestApp,
  userId: string,
  action: 'disable' | 'enable',
  accessToken: string,
) {
  return context
    .http()
    .post(`/admin/users/${userId}/${action}`)
    .auth(accessToken, { type: 'bearer' });
}

describeIdentityApp('Disabling an account (POST /admin/users/:id/disable)', ({ test }) => {
  test('ends every session; no login, refresh or /me until it is enabled again', async (context) => {
    const admin = await signUpAdmin(context);
    const member = await signUp(context);
    const otherDevice = await context
      .http()
      .post('/auth/login')
      .send({ email: member.email, password: member.password })
      .expect(200);

    await setDisabled(context, member.id, 'disable', admin.accessToken).expect(204);

    const me = await context
      .http()
      .get('/me')
      .auth(member.accessToken, { type: 'bearer' })
      .expect(401);
    expect(me.body.message).toBe('This session has ended; log in again.');
    for (const refreshToken of [member.refreshToken, otherDevice.body.refreshToken]) {
      await context.http().post('/auth/refresh').send({ refreshToken }).expect(401);
    }
    const refused = await context
      .http()
      .post('/auth/login')
      .send({ email: member.email, password: member.password })
      .expect(403);
    expect(refused.body.message).toMatch(/disabled/);
    // A wrong password says what it always says: being disabled is told only to the owner.
    const wrong = await context
      .http()
      .post('/auth/login')
      .send({ email: member.email, password: 'not-the-password' })
      .expect(401);
    expect(wrong.body.message).toBe('The email or the password is wrong.');

    await setDisabled(context, member.id, 'enable', admin.accessToken).expect(204);

    await context
      .http()
      .post('/auth/login')
      .send({ email: member.email, password: member.password })
      .expect(200);
    await context
      .http()
      .post('/auth/refresh')
      .send({ refreshToken: member.refreshToken })
      .expect(401);
  });

  test('is refused to anyone but a platform admin, as the database says now', async (context) => {
    const admin = await signUpAdmin(context);
    const member = await signUp(context);
    const bystander = await signUp(context);

    await setDisabled(context, bystander.id, 'disable', member.accessToken).expect(403);
    await context.app
      .get(DataSource)
      .query(`UPDATE users SET roles = '{}' WHERE email_normalized = $1`, [
        admin.email.toLowerCase(),
      ]);
    // The token still says platform_admin; the role is gone.
    await setDisabled(context, bystander.id, 'disable', admin.accessToken).expect(403);

    await context.http().get('/me').auth(bystander.accessToken, { type: 'bearer' }).expect(200);
  });

  test('answers 404 for an unknown account, 400 for a bad id or for oneself', async (context) => {
    const admin = await signUpAdmin(context);
    const adminId = (await context.http().get('/me').auth(admin.accessToken, { type: 'bearer' }))
      .body.id as string;

    await setDisabled(context, randomUUID(), 'disable', admin.accessToken).expect(404);
    await setDisabled(context, 'not-a-uuid', 'disable', admin.accessToken).expect(400);
    await setDisabled(context, adminId, 'disable', admin.accessToken).expect(400);
  });
});
