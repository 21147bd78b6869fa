import { randomBytes } from 'node:crypto';
import type { Agent } from 'node:http';
import { runClosedLoop, type TaskOutcome } from './closed-loop';
import { postJson } from './http-json';

export interface BenchUser {
  email: string;
  password: string;
  /** The login request's body, made once so the measured loop only sends it. */
  loginBody: string;
}

const REGISTER_PATH = '/auth/register';
const LOGIN_PATH = '/auth/login';
// Sign-ups are not measured; they only must not run forever.
const REGISTER_MAX_MS = 300_000;

/** Distinct emails and random passwords (never one of the common ones the policy refuses). */
export function makeUsers(count: number, runId: string): BenchUser[] {
  return Array.from({ length: count }, (_, index) => {
    const email = `bench-auth-${runId}-${index}@bench.example.test`;
    const password = `bench ${randomBytes(12).toString('base64url')}`;

    return { email, password, loginBody: JSON.stringify({ email, password }) };
  });
}

/** POST /auth/register for every user; throws unless all were created. */
export async function registerAll(
  agent: Agent,
  port: number,
  users: BenchUser[],
  concurrency: number,
): Promise<void> {
  const result = await runClosedLoop(
    { concurrency, count: users.length, maxDurationMs: REGISTER_MAX_MS },
    async (index) => {
      const { email, password } = users[index];
      const body = JSON.stringify({ email, password, name: `Bench User ${index}` });
      const answer = await postJson(agent, port, REGISTER_PATH, body);

      return answer.status === 201 ? undefined : `status ${answer.status}: ${answer.body}`;
    },
  );

  if (result.errors > 0 || result.unsent > 0) {
    const kinds = [...result.errorKinds].map(([kind, count]) => `${count} x ${kind.slice(0, 200)}`);
    throw new Error(
      `registration failed for ${result.errors + result.unsent} of ${users.length} users:\n` +
        kinds.join('\n'),
    );
  }
}

/** One login with the right password; anything but a 200 with an access token is an error. */
export async function logIn(agent: Agent, port: number, user: BenchUser): Promise<TaskOutcome> {
  const answer = await postJson(agent, port, LOGIN_PATH, user.loginBody);
  if (answer.status !== 200) {
    return `status ${answer.status}`;
  }

  return answer.body.includes('"accessToken"') ? undefined : 'status 200 without an access token';
}
