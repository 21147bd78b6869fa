import { createHash } from 'node:crypto';
import { DASHBOARD_URL, describeIdentityWithMail } from './support/identity-mail-app';
import {
  CHANGED_SUBJECT,
  confirm,
  emailsTo,
  login,
  nthResetEmail,
  resetLinkIn,
  resetTokenFor,
  signUp,
  tokenIn,
  waitForNoPendingRequests,
} from './support/password-reset-steps';

const ACCEPTED = {
  message: 'If an account has this email, a link to reset its password is on its way.',
};

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

describeIdentityWithMail('password reset', ({ test }) => {
  test('answers 202 with one body for known and unknown emails, and mails the stored address', async (context) => {
    await signUp(context, 'Owner@Example.test');

    const known = await context
      .http()
      .post('/auth/password-reset')
      .send({ email: 'owner@example.test ' })
      .expect(202);
    const unknown = await context
      .http()
      .post('/auth/password-reset')
      .send({ email: 'nobody@example.test' })
      .expect(202);

    expect(known.body).toEqual(ACCEPTED);
    expect(unknown.body).toEqual(known.body);
    const email = await nthResetEmail(context, 'Owner@Example.test', 1);
    const link = resetLinkIn(email);
    expect(`${link.origin}${link.pathname}`).toBe(`${DASHBOARD_URL}/reset-password`);
    expect(tokenIn(email)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(email.text).toMatch(/works once, until \d{1,2} \w+ \d{4} at \d{2}:\d{2} UTC/);
    await waitForNoPendingRequests(context);
    expect(emailsTo(context, 'nobody@example.test')).toBe(0);
    expect(emailsTo(context, 'owner@example.test')).toBe(0);
    expect(emailsTo(context, 'Owner@Example.test')).toBe(1);
  });

  test('keeps only the hash of the token, and the link expires after 60 minutes', async (context) => {
    const owner = await signUp(context, 'hash@example.test');

    const token = await resetTokenFor(context, owner.email);

    const [row] = await context.db.query(
      `SELECT token_hash, extract(epoch FROM expires_at - created_at) AS ttl
       FROM password_reset_tokens WHERE user_id = $1`,
      [owner.id],
    );
    expect(row.token_hash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(Math.round(Number(row.ttl) / 60)).toBe(60);
  });

  test('takes the link base from config, whatever Host the request names', async (context) => {
    const owner = await signUp(context, 'forged-host@example.test');

    await context
      .http()
      .post('/auth/password-reset')
      .set('Host', 'attacker.example')
      .set('X-Forwarded-Host', 'attacker.example')
      .set('X-Forwarded-Proto', 'http')
      .set('Origin', 'https://attacker.example')
      .send({ email: owner.email })
      .expect(202);

    const email = await nthResetEmail(context, owner.email, 1);
    expect(resetLinkIn(email).origin).toBe(DASHBOARD_URL);
    expect(email.text + email.html).not.toContain('attacker');
  });

  test('sets the new password, ends every session and sends a notice', async (context) => {
    const owner = await signUp(context, 'Sessions@Example.test');
    const token = await resetTokenFor(context, 'sessions@example.test', owner.email);

    await context
      .http()
      .post('/auth/password-reset/confirm')
      .send({ token, password: 'a brand new passphrase' })
      .expect(204);

    await context
      .http()
      .post('/auth/refresh')
      .send({ refreshToken: owner.refreshToken })
      .expect(401);
    await context
      .http()
      .post('/auth/login')
      .send({ email: owner.email, password: owner.password })
      .expect(401);
    await context
      .http()
      .post('/auth/login')
      .send({ email: owner.email, password: 'a brand new passphrase' })
      .expect(200);
    const notice = await context.waitForEmail('Sessions@Example.test', CHANGED_SUBJECT);
    expect(notice.text).toContain('signed out');
    expect(notice.html).not.toContain('href=');
  });

  test('refuses a spent link with 410 and changes nothing', async (context) => {
    const owner = await signUp(context, 'spent@example.test');
    const token = await resetTokenFor(context, owner.email);
    await confirm(context, token, 'first new passphrase').expect(204);

    const again = await confirm(context, token, 'second new passphrase').expect(410);

    expect(again.body.message).toMatch(/already used/);
    await login(context, owner.email, 'second new passphrase').expect(401);
    await login(context, owner.email, 'first new passphrase').expect(200);
  });

  test('refuses an expired link with 410 and changes nothing', async (context) => {
    const owner = await signUp(context, 'expired@example.test');
    const token = await resetTokenFor(context, owner.email);
    await context.db.query(
      `UPDATE password_reset_tokens SET expires_at = now() - interval '1 second'
       WHERE token_hash = $1`,
      [sha256(token)],
    );

    const response = await confirm(context, token, 'too late passphrase').expect(410);

    expect(response.body.message).toMatch(/expired/);
    await login(context, owner.email, owner.password).expect(200);
  });

  test('voids the older link when a newer one is asked for', async (context) => {
    const owner = await signUp(context, 'voided@example.test');
    const older = await resetTokenFor(context, owner.email);
    const newer = await resetTokenFor(context, owner.email);

    const refused = await confirm(context, older, 'older link passphrase').expect(410);

    expect(refused.body.message).toMatch(/replaced by a newer one/);
    await confirm(context, newer, 'newer link passphrase').expect(204);
    await login(context, owner.email, 'newer link passphrase').expect(200);
  });

  test('lets only one of two simultaneous confirmations with one link win', async (context) => {
    const owner = await signUp(context, 'race@example.test');
    const token = await resetTokenFor(context, owner.email);

    const statuses = await Promise.all(
      ['racing passphrase one', 'racing passphrase two'].map(
        async (password) => (await confirm(context, token, password)).status,
      ),
    );

    expect(statuses.sort()).toEqual([204, 410]);
    await context.waitForEmail(owner.email, CHANGED_SUBJECT);
    expect(emailsTo(context, owner.email, CHANGED_SUBJECT)).toBe(1);
  });

  test('keeps one live link per account, however many requests arrive at once', async (context) => {
    const owner = await signUp(context, 'burst@example.test');

    await Promise.all(
      Array.from({ length: 5 }, () =>
        context.http().post('/auth/password-reset').send({ email: owner.email }).expect(202),
      ),
    );

    await nthResetEmail(context, owner.email, 5);
    const rows: Array<{ token_hash: string; live: boolean }> = await context.db.query(
      `SELECT token_hash, (used_at IS NULL AND voided_at IS NULL) AS live
       FROM password_reset_tokens WHERE user_id = $1 ORDER BY created_at`,
      [owner.id],
    );
    expect(rows.map((row) => row.live)).toEqual([false, false, false, false, true]);
    const emailed = context
      .sentEmails()
      .filter((email) => email.to === owner.email)
      .map((email) => sha256(tokenIn(email)));
    expect(emailed.sort()).toEqual(rows.map((row) => row.token_hash).sort());
  });

  test('refuses another user id in the body: the token alone decides the user', async (context) => {
    const owner = await signUp(context, 'victim-owner@example.test');
    const other = await signUp(context, 'other-user@example.test');
    const token = await resetTokenFor(context, owner.email);

    const response = await context
      .http()
      .post('/auth/password-reset/confirm')
      .send({ token, password: 'hijacked passphrase', userId: other.id })
      .expect(400);

    expect(String(response.body.message)).toMatch(/property userId should not exist/);
    await confirm(context, token, 'owner new passphrase').expect(204);
    await login(context, owner.email, 'owner new passphrase').expect(200);
    await login(context, other.email, other.password).expect(200);
    await login(context, other.email, 'owner new passphrase').expect(401);
  });

  test('answers 400 for a token never issued and for one of the wrong shape', async (context) => {
    const unknown = await confirm(context, 'A'.repeat(43), 'some fine passphrase').expect(400);
    expect(unknown.body.message).toMatch(/not valid/);

    const malformed = await confirm(context, 'not.a.token', 'some fine passphrase').expect(400);
    expect(String(malformed.body.message)).toMatch(/token must be the token/);
  });

  test('refuses a common password at reset and leaves the link usable', async (context) => {
    const owner = await signUp(context, 'common@example.test');
    const token = await resetTokenFor(context, owner.email);

    const refused = await confirm(context, token, 'Password1').expect(400);

    expect(refused.body.message).toMatch(/one of the most common passwords/);
    await confirm(context, token, 'an uncommon passphrase').expect(204);
  });

  test('refuses a common password at sign-up, whatever its case', async (context) => {
    const response = await context
      .http()
      .post('/auth/register')
      .send({ email: 'weak@example.test', password: 'IloveYou1', name: 'Weak' })
      .expect(400);

    expect(response.body.message).toMatch(/one of the most common passwords/);
  });

  test('takes passwords of 8, 64 and 200 characters at sign-up and at reset', async (context) => {
    for (const length of [8, 64, 200]) {
      const password = 'zq8#Lm4!'.repeat(25).slice(0, length);
      const owner = await signUp(context, `length-${length}@example.test`, password);
      await login(context, owner.email, password).expect(200);

      const token = await resetTokenFor(context, owner.email);
      const newPassword = 'Wv3$pT9k'.repeat(25).slice(0, length);
      await confirm(context, token, newPassword).expect(204);
      await login(context, owner.email, newPassword).expect(200);
    }
  }, 30_000);

  test('a reset token is neither an access token nor a refresh token', async (context) => {
    const owner = await signUp(context, 'not-a-bearer@example.test');
    const token = await resetTokenFor(context, owner.email);

    await context.http().get('/me').auth(token, { type: 'bearer' }).expect(401);
    const refresh = await context.http().post('/auth/refresh').send({ refreshToken: token });
    expect(refresh.status).toBeGreaterThanOrEqual(400);
    expect(refresh.status).toBeLessThan(500);
    await confirm(context, token, 'still usable passphrase').expect(204);
  });

  test('sends the link of a request accepted just before a crash', async (context) => {
    const owner = await signUp(context, 'Crash@Example.test');

    // What a request leaves behind when the process dies after its 202, before processing.
    await context.db.query(
      `INSERT INTO pending_password_resets (email_normalized) VALUES ('crash@example.test')`,
    );

    const email = await nthResetEmail(context, owner.email, 1);
    await confirm(context, tokenIn(email), 'after the crash passphrase').expect(204);
  }, 30_000);

  test('sends no link to a disabled account, and a live link cannot change its password', async (context) => {
    const owner = await signUp(context, 'disabled@example.test');
    const token = await resetTokenFor(context, owner.email);
    await context.db.query('UPDATE users SET disabled_at = now() WHERE id = $1', [owner.id]);

    await context.http().post('/auth/password-reset').send({ email: owner.email }).expect(202);
    const refused = await confirm(context, token, 'while disabled passphrase').expect(403);

    expect(refused.body.message).toMatch(/disabled/);
    await waitForNoPendingRequests(context);
    expect(emailsTo(context, owner.email)).toBe(1);
    await context.db.query('UPDATE users SET disabled_at = NULL WHERE id = $1', [owner.id]);
    await login(context, owner.email, owner.password).expect(200);
  });

  test('answers 400 for a missing or malformed email', async (context) => {
    await context.http().post('/auth/password-reset').send({}).expect(400);
    const response = await context
      .http()
      .post('/auth/password-reset')
      .send({ email: 'not-an-email' })
      .expect(400);

    expect(String(response.body.message)).toMatch(/email must be a valid email address/);
    expect(emailsTo(context, 'not-an-email')).toBe(0);
  });

  test('documents both endpoints and their errors at /docs', async (context) => {
    const response = await context.http().get('/docs-json').expect(200);
    const paths = response.body.paths as Record<string, { post: { responses: object } }>;

    expect(Object.keys(paths['/auth/password-reset'].post.responses).sort()).toEqual([
      '202',
      '400',
      '429',
    ]);
    expect(Object.keys(paths['/auth/password-reset/confirm'].post.responses).sort()).toEqual([
      '204',
      '400',
      '403',
      '410',
      '429',
    ]);
  });
});
