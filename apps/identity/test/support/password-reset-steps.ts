import { waitFor, waitForValue } from '@app/testing';
import type { IdentityMailApp, SentEmail } from './identity-mail-app';

export const RESET_SUBJECT = 'Reset your password';
export const CHANGED_SUBJECT = 'Your password was changed';

/** The `count`-th reset email to `to` (1 is the first), once it has arrived. */
export function nthResetEmail(context: IdentityMailApp, to: string, count: number) {
  return waitForValue(
    `reset email number ${count} to ${to}`,
    () =>
      context.sentEmails().filter((email) => email.to === to && email.subject === RESET_SUBJECT)[
        count - 1
      ],
    15_000,
  );
}

export function resetLinkIn(email: SentEmail): URL {
  const link = /https?:\/\/\S+/.exec(email.text)?.[0];
  if (!link) {
    throw new Error(`No link in the email "${email.subject}"`);
  }

  return new URL(link);
}

export function tokenIn(email: SentEmail): string {
  const token = resetLinkIn(email).searchParams.get('token');
  if (!token) {
    throw new Error('The reset link has no token');
  }

  return token;
}

/** Asks for a link and returns its token, once the email is there. */
export async function resetTokenFor(context: IdentityMailApp, email: string, stored = email) {
  const before = emailsTo(context, stored);
  await context.http().post('/auth/password-reset').send({ email }).expect(202);

  return tokenIn(await nthResetEmail(context, stored, before + 1));
}

export function emailsTo(context: IdentityMailApp, to: string, subject = RESET_SUBJECT): number {
  return context.sentEmails().filter((email) => email.to === to && email.subject === subject)
    .length;
}

export interface SignedUp {
  id: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

export async function signUp(
  context: IdentityMailApp,
  email: string,
  password = `pw-${Math.random().toString(36).slice(2)}-${Date.now()}`,
): Promise<SignedUp> {
  const registered = await context
    .http()
    .post('/auth/register')
    .send({ email, password, name: 'Alex Owner' })
    .expect(201);
  const login = await context.http().post('/auth/login').send({ email, password }).expect(200);

  return {
    id: registered.body.id as string,
    email,
    password,
    accessToken: login.body.accessToken as string,
    refreshToken: login.body.refreshToken as string,
  };
}

export function confirm(context: IdentityMailApp, token: string, password: string) {
  return context.http().post('/auth/password-reset/confirm').send({ token, password });
}

export function login(context: IdentityMailApp, email: string, password: string) {
  return context.http().post('/auth/login').send({ email, password });
}

/** Until every accepted request has been turned into its link (or into nothing). */
export async function waitForNoPendingRequests(context: IdentityMailApp): Promise<void> {
  await waitFor('the reset requests to be processed', async () => {
    const [row] = await context.db.query('SELECT count(*)::int AS n FROM pending_password_resets');

    return row.n === 0;
  });
}
