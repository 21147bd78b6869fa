import { decodeJwt } from 'jose';
import { newAccount, signUp } from './support/accounts';
import {
  lastCodeTo,
  otherThan,
  signUpWithTwoFactor,
  sql,
  TWILIO_ACCOUNT_SID,
  TWILIO_PHONE_NUMBER,
  type TwoFactorTestApp,
} from './support/two-factor-app';
import { describeTwoFactorApp } from './support/two-factor-app';

const login = (context: TwoFactorTestApp, account: { email: string; password: string }) =>
  context.http().post('/auth/login').send({ email: account.email, password: account.password });

const verify = (context: TwoFactorTestApp, challengeId: string, code: string) =>
  context.http().post('/auth/2fa/verify').send({ challengeId, code });

async function loginChallenge(
  context: TwoFactorTestApp,
  account: { email: string; password: string },
) {
  const response = await login(context, account).expect(200);

  return response.body.challengeId as string;
}

describeTwoFactorApp(
  'SMS 2FA',
  ({ test }) => {
    test('turns on after the new number proved itself with a code', async (context) => {
      const account = await signUp(context, newAccount());
      const bearer = { type: 'bearer' as const };

      const sent = await context
        .http()
        .post('/me/2fa/sms')
        .auth(account.accessToken, bearer)
        .send({ phone: '+49 (0)151 2345-6701' })
        .expect(202);

      expect(sent.body).toEqual({ sentTo: '+49 ••• 01', expiresIn: 600 });
      const [request] = context.twilio.messageRequests;
      expect(request.path).toBe(`/2010-04-01/Accounts/${TWILIO_ACCOUNT_SID}/Messages.json`);
      expect(request.form.get('To')).toBe('+4915123456701');
      expect(request.form.get('From')).toBe(TWILIO_PHONE_NUMBER);
      expect(request.form.get('Body')).toMatch(/^\d{6} is your Gym Platform code to turn on/);
      const me = await context.http().get('/me').auth(account.accessToken, bearer).expect(200);
      expect(me.body.twoFactorEnabled).toBe(false);

      const confirmed = await context
        .http()
        .post('/me/2fa/sms/confirm')
        .auth(account.accessToken, bearer)
        .send({ code: lastCodeTo(context, '+4915123456701') })
        .expect(200);

      expect(confirmed.body).toEqual({ twoFactorEnabled: true, phone: '+49 ••• 01' });
      const after = await context.http().get('/me').auth(account.accessToken, bearer).expect(200);
      expect(after.body.twoFactorEnabled).toBe(true);
      expect(context.logs.securityEvents('two_factor.enabled')).toEqual([
        expect.objectContaining({ userId: account.id }),
      ]);
    });

    test('keeps 2FA off on a wrong code, and a used enabling code works only once', async (context) => {
      const account = await signUp(context, newAccount());
      const http = () => context.http();
      await http()
        .post('/me/2fa/sms')
        .auth(account.accessToken, { type: 'bearer' })
        .send({ phone: '+4915123456702' })
        .expect(202);
      const code = lastCodeTo(context, '+4915123456702');

      const wrong = await http()
        .post('/me/2fa/sms/confirm')
        .auth(account.accessToken, { type: 'bearer' })
        .send({ code: otherThan(code) })
        .expect(400);
      expect(wrong.body.message).toBe('The code is wrong; 4 tries left.');

      await http()
        .post('/me/2fa/sms/confirm')
        .auth(account.accessToken, { type: 'bearer' })
        .send({ code })
        .expect(200);
      const again = await http()
        .post('/me/2fa/sms/confirm')
        .auth(account.accessToken, { type: 'bearer' })
        .send({ code })
        .expect(400);
      expect(again.body.message).toMatch(/no longer valid/);
    });

    test('logs in in two steps: a challenge, then the token pair for the right code', async (context) => {
      const account = await signUpWithTwoFactor(context, '+4915123456703');
      context.twilio.reset();

      const first = await login(context, account).expect(200);

      expect(first.body).toEqual({
        twoFactorRequired: true,
        challengeId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        expiresIn: 600,
      });
      expect(context.twilio.messageRequests.map((sent) => sent.form.get('To'))).toEqual([
        '+4915123456703',
      ]);
      expect(context.twilio.messagesTo('+4915123456703')[0]).toMatch(/code to sign in/);

      const pair = await verify(
        context,
        first.body.challengeId,
        lastCodeTo(context, '+4915123456703'),
      ).expect(200);

      expect(pair.body).toEqual({
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        expiresIn: expect.any(Number),
        tokenType: 'Bearer',
      });
      expect(decodeJwt(pair.body.accessToken).sub).toBe(account.id);
      await context.http().get('/me').auth(pair.body.accessToken, { type: 'bearer' }).expect(200);
    });

    test('spends a login code once', async (context) => {
      const account = await signUpWithTwoFactor(context, '+4915123456704');
      const challengeId = await loginChallenge(context, account);
      const code = lastCodeTo(context, '+4915123456704');

      await verify(context, challengeId, code).expect(200);
      const reused = await verify(context, challengeId, code).expect(401);

      expect(reused.body.message).toMatch(/no longer valid/);
    });

    test('ends a challenge after 5 wrong codes: the right code fails afterwards', async (context) => {
      const account = await signUpWithTwoFactor(context, '+4915123456705');
      const challengeId = await loginChallenge(context, account);
      const code = lastCodeTo(context, '+4915123456705');

      const messages: string[] = [];
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const wrong = await verify(context, challengeId, otherThan(code)).expect(401);
        messages.push(wrong.body.message as string);
      }
      const right = await verify(context, challengeId, code).expect(401);

      expect(messages.slice(0, 4)).toEqual([
        'The code is wrong; 4 tries left.',
        'The code is wrong; 3 tries left.',
        'The code is wrong; 2 tries left.',
        'The code is wrong; 1 try left.',
      ]);
      expect(messages[4]).toMatch(/^Too many wrong codes/);
      expect(right.body.message).toMatch(/^Too many wrong codes/);
      expect(right.body).not.toHaveProperty('accessToken');
      const [row] = await sql(
        context,
        'SELECT attempts, end_reason FROM two_factor_challenges WHERE id = $1',
        [challengeId],
      );
      expect(row).toEqual({ attempts: 5, end_reason: 'too_many_attempts' });
      const failures = context.logs
        .securityEvents('two_factor.failed')
        .filter((event) => event.userId === account.id);
      expect(failures.map((event) => event.reason)).toEqual([
        ...Array(4).fill('login_wrong'),
        'login_too_many_attempts',
        'login_too_many_attempts',
      ]);
    });

    test('counts wrong codes sent in parallel: no more than 5 are ever compared', async (context) => {
      const account = await signUpWithTwoFactor(context, '+4915123456706');
      const challengeId = await loginChallenge(context, account);
      const code = lastCodeTo(context, '+4915123456706');

      const answers = await Promise.all(
        Array.from({ length: 12 }, () => verify(context, challengeId, otherThan(code))),
      );

      expect(answers.map((answer) => answer.status)).toEqual(Array(12).fill(401));
      const [row] = await sql(context, 'SELECT attempts FROM two_factor_challenges WHERE id = $1', [
        challengeId,
      ]);
      expect(row.attempts).toBe(5);
      await verify(context, challengeId, code).expect(401);
    });

    test("refuses one challenge's code on another challenge", async (context) => {
      const alice = await signUpWithTwoFactor(context, '+4915123456707');
      const bob = await signUpWithTwoFactor(context, '+4915123456708');
      const aliceChallenge = await loginChallenge(context, alice);
      const bobChallenge = await loginChallenge(context, bob);
      const aliceCode = lastCodeTo(context, '+4915123456707');
      const bobCode = lastCodeTo(context, '+4915123456708');

      const crossed = await verify(context, bobChallenge, aliceCode).expect(401);

      expect(crossed.body.message).toMatch(/wrong/);
      await verify(context, aliceChallenge, bobCode).expect(401);
      const pair = await verify(context, bobChallenge, bobCode).expect(200);
      expect(decodeJwt(pair.body.accessToken).sub).toBe(bob.id);
    });

    test('refuses an expired code', async (context) => {
      const account = await signUpWithTwoFactor(context, '+4915123456709');
      const challengeId = await loginChallenge(context, account);
      const code = lastCodeTo(context, '+4915123456709');
      await sql(
        context,
        "UPDATE two_factor_challenges SET expires_at = now() - interval '1 second' WHERE id = $1",
        [challengeId],
      );

      const expired = await verify(context, challengeId, code).expect(401);

      expect(expired.body.message).toBe('The code has expired. Log in again for a new code.');
    });

    test('resends after the cooldown only; the new code replaces the old', async (context) => {
      const account = await signUpWithTwoFactor(context, '+4915123456710');
      const challengeId = await loginChallenge(context, account);
      const oldCode = lastCodeTo(context, '+4915123456710');

      const early = await context.http().post('/auth/2fa/resend').send({ challengeId }).expect(429);
      expect(early.body.message).toMatch(/wait \d+ s/);
      expect(Number(early.headers['retry-after'])).toBeGreaterThan(25);
      expect(Number(early.headers['retry-after'])).toBeLessThanOrEqual(30);

      await sql(
        context,
        "UPDATE two_factor_challenges SET last_sent_at = now() - interval '31 seconds' WHERE id = $1",
        [challengeId],
      );
      const resent = await context
        .http()
        .post('/auth/2fa/resend')
        .send({ challengeId })
        .expect(200);
      expect(resent.body).toEqual({ twoFactorRequired: true, challengeId, expiresIn: 600 });
      const newCode = lastCodeTo(context, '+4915123456710');

      if (newCode !== oldCode) {
        await verify(context, challengeId, oldCode).expect(401);
      }
      await verify(context, challengeId, newCode).expect(200);
      await context.http().post('/auth/2fa/resend').send({ challengeId }).expect(401);
    });

    test('refuses a second login code within the cooldown', async (context) => {
      const account = await signUpWithTwoFactor(context, '+4915123456711');
      await loginChallenge(context, account);

      const again = await login(context, account).expect(429);

      expect(again.body.message).toMatch(/wait \d+ s/);
      expect(context.twilio.messagesTo('+4915123456711')).toHaveLength(2);
    });

    test('turns off with the password; login then answers the pair at once', async (context) => {
      const account = await signUpWithTwoFactor(context, '+4915123456712');
      const challengeId = await loginChallenge(context, account);
      const pair = await verify(context, challengeId, lastCodeTo(context, '+4915123456712')).expect(
        200,
      );
      const bearer = pair.body.accessToken as string;

      await context.http().delete('/me/2fa').auth(bearer, { type: 'bearer' }).send({}).expect(400);
      await context
        .http()
        .delete('/me/2fa')
        .auth(bearer, { type: 'bearer' })
        .send({ password: account.password, code: '123456' })
        .expect(400);
      const wrong = await context
        .http()
        .delete('/me/2fa')
        .auth(bearer, { type: 'bearer' })
        .send({ password: 'not-the-password' })
        .expect(403);
      expect(wrong.body.message).toBe('The password is wrong.');

      await context
        .http()
        .delete('/me/2fa')
        .auth(bearer, { type: 'bearer' })
        .send({ password: account.password })
        .expect(204);

      const me = await context.http().get('/me').auth(bearer, { type: 'bearer' }).expect(200);
      expect(me.body.twoFactorEnabled).toBe(false);
      const direct = await login(context, account).expect(200);
      expect(direct.body.accessToken).toEqual(expect.any(String));
      expect(context.logs.securityEvents('two_factor.disabled')).toEqual(
        expect.arrayContaining([expect.objectContaining({ userId: account.id })]),
      );
    });

    test('turns off with a current code sent to the verified number', async (context) => {
      const account = await signUpWithTwoFactor(context, '+4915123456713');
      const bearer = account.accessToken;

      const sent = await context
        .http()
        .post('/me/2fa/sms/code')
        .auth(bearer, { type: 'bearer' })
        .expect(202);
      expect(sent.body).toEqual({ sentTo: '+49 ••• 13', expiresIn: 600 });
      const code = lastCodeTo(context, '+4915123456713');
      await context
        .http()
        .delete('/me/2fa')
        .auth(bearer, { type: 'bearer' })
        .send({ code: otherThan(code) })
        .expect(403);

      await context
        .http()
        .delete('/me/2fa')
        .auth(bearer, { type: 'bearer' })
        .send({ code })
        .expect(204);

      await context
        .http()
        .delete('/me/2fa')
        .auth(bearer, { type: 'bearer' })
        .send({ password: account.password })
        .expect(409);
    });

    test('refuses to enable twice, so a stolen token cannot move 2FA to another number', async (context) => {
      const account = await signUpWithTwoFactor(context, '+4915123456714');

      const moved = await context
        .http()
        .post('/me/2fa/sms')
        .auth(account.accessToken, { type: 'bearer' })
        .send({ phone: '+4915123456799' })
        .expect(409);

      expect(moved.body.message).toMatch(/already on/);
      expect(context.twilio.messagesTo('+4915123456799')).toEqual([]);
    });

    test('refuses numbers outside the allow-list, landlines and non-numbers with a clear 400', async (context) => {
      const account = await signUp(context, newAccount());
      const ask = (phone: unknown) =>
        context
          .http()
          .post('/me/2fa/sms')
          .auth(account.accessToken, { type: 'bearer' })
          .send({ phone });

      const foreign = await ask('+1 415 555 2671').expect(400);
      expect(foreign.body.message).toBe(
        'phone: codes can only be sent to numbers from DE, AT, CH; numbers from US (+1) are not served.',
      );
      const landline = await ask('+49 30 1234567').expect(400);
      expect(landline.body.message).toMatch(/must be a mobile number/);
      const premium = await ask('+49 900 1234567').expect(400);
      expect(premium.body.message).toMatch(/must be a mobile number/);
      const national = await ask('0151 23456789').expect(400);
      expect(national.body.message).toMatch(/must start with \+ and the country calling code/);
      await ask('call me maybe').expect(400);
      await ask(4915123456789).expect(400);
      expect(context.twilio.messageRequests).toHaveLength(0);
    });

    test('answers what Twilio refused as something the person can act on, quoting no secret', async (context) => {
      const account = await signUp(context, newAccount());
      const ask = () =>
        context
          .http()
          .post('/me/2fa/sms')
          .auth(account.accessToken, { type: 'bearer' })
          .send({ phone: '+4915123456715' });

      context.twilio.respondWith([
        {
          status: 400,
          body: { code: 21610, message: 'Attempt to send to unsubscribed recipient', status: 400 },
        },
      ]);
      const optedOut = await ask().expect(400);
      expect(optedOut.body.message).toMatch(/opted out of our SMS/);

      context.twilio.respondWith([
        { status: 401, body: { code: 20003, message: 'Authenticate', status: 401 } },
      ]);
      const misconfigured = await ask().expect(503);
      expect(misconfigured.body.message).toMatch(/could not be sent by SMS right now/);

      const everything = JSON.stringify([optedOut.body, misconfigured.body, context.logs.lines]);
      expect(everything).not.toContain('twilio-e2e-auth-token');
      expect(everything).not.toContain(
        Buffer.from(`${TWILIO_ACCOUNT_SID}:`).toString('base64').slice(0, 20),
      );
      expect(everything).not.toContain('4915123456715');
      expect(context.logs.lines.join('\n')).toMatch(/Twilio error 20003/);
    });

    test('does not send a login code to any number but the verified one', async (context) => {
      const account = await signUpWithTwoFactor(context, '+4915123456716');
      context.twilio.reset();

      await login(context, account).expect(200);

      expect(context.twilio.messageRequests.map((sent) => sent.form.get('To'))).toEqual([
        '+4915123456716',
      ]);
    });

    test('answers 400 for a malformed verify body, 401 for an unknown challenge', async (context) => {
      await context
        .http()
        .post('/auth/2fa/verify')
        .send({ challengeId: 'x', code: '123456' })
        .expect(400);
      await context
        .http()
        .post('/auth/2fa/verify')
        .send({ challengeId: '00000000-0000-4000-8000-000000000000', code: '12345' })
        .expect(400);
      await verify(context, '00000000-0000-4000-8000-000000000000', '123456').expect(401);
    });

    test('documents every 2FA endpoint, its body and its error answers at /docs', async (context) => {
      const docs = await context.http().get('/docs-json').expect(200);
      const paths = docs.body.paths as Record<string, Record<string, { responses: object }>>;
      const answers = (path: string, method: string) =>
        Object.keys(paths[path][method].responses).sort();

      expect(answers('/me/2fa/sms', 'post')).toEqual(['202', '400', '401', '409', '429', '503']);
      expect(answers('/me/2fa/sms/confirm', 'post')).toEqual(['200', '400', '401', '409']);
      expect(answers('/me/2fa/sms/code', 'post')).toEqual(['202', '401', '409', '429', '503']);
      expect(answers('/me/2fa', 'delete')).toEqual(['204', '400', '401', '403', '409', '429']);
      expect(answers('/auth/2fa/verify', 'post')).toEqual(['200', '400', '401']);
      expect(answers('/auth/2fa/resend', 'post')).toEqual(['200', '400', '401', '429', '503']);
      const login = paths['/auth/login'].post.responses as Record<string, { content: object }>;
      expect(JSON.stringify(login['200'].content)).toContain('TwoFactorRequiredResponse');

      const schemas = docs.body.components.schemas as Record<string, { required?: string[] }>;
      expect(schemas.EnableSmsRequest.required).toEqual(['phone']);
      expect(schemas.ConfirmCodeRequest.required).toEqual(['code']);
      expect(schemas.VerifyLoginRequest.required?.sort()).toEqual(['challengeId', 'code']);
      expect(schemas.ResendCodeRequest.required).toEqual(['challengeId']);
      expect(schemas.DisableTwoFactorRequest.required).toBeUndefined();
      expect(schemas.TwoFactorRequiredResponse.required?.sort()).toEqual([
        'challengeId',
        'expiresIn',
        'twoFactorRequired',
      ]);
    });
  },
  { REGISTER_FREE_ATTEMPTS_PER_IP: '1000', LOGIN_FREE_ATTEMPTS_PER_IP: '1000' },
);
