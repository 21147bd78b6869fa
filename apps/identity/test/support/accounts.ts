import { randomBytes } from 'node:crypto';
import type { IdentityTestApp } from './identity-test-app';

export interface TestAccount {
  email: string;
  password: string;
  name: string;
}

export function newAccount(overrides: Partial<TestAccount> = {}): TestAccount {
  const tag = randomBytes(4).toString('hex');

  return {
    email: `member-${tag}@gym.example.test`,
    password: `pw-${randomBytes(8).toString('hex')}`,
    name: 'Sam Member',
    ...overrides,
  };
}

/** Registers an account and logs in; returns what the dashboard would hold. */
export async function signUp(context: IdentityTestApp, account = newAccount()) {
  const registered = await context.http().post('/auth/register').send(account).expect(201);
  const login = await context
    .http()
    .post('/auth/login')
    .send({ email: account.email, password: account.password })
    .expect(200);

  return {
    ...account,
    id: registered.body.id as string,
    accessToken: login.body.accessToken as string,
    refreshToken: login.body.refreshToken as string,
  };
}
