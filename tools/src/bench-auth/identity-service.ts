import { generateKeyPairSync } from 'node:crypto';
import { freeLoopbackPort } from '../bench/free-port';
import type { CleanupStack } from '../bench/cleanup-stack';
import { ServiceProcess, waitUntilHealthy } from '../service-process';

export interface RaisedLimit {
  name: string;
  usual: number;
  bench: number;
  why: string;
}

export interface RunningIdentity {
  process: ServiceProcess;
  port: number;
  env: Record<string, string>;
}

export interface IdentitySettings {
  databaseUrl: string;
  threadpoolSize: number;
  extraEnv: Record<string, string>;
  /** Flags for Identity's node (diagnostics: --cpu-prof, which NODE_OPTIONS refuses). */
  nodeArgs: string[];
}

const ECHOED_LINES = 20;

/**
 * Only the thresholds move: the limiter still counts every attempt in PostgreSQL, so its SQL
 * stays in what is measured. The maxima are those sessions.env.ts allows.
 */
export const RAISED_LIMITS: RaisedLimit[] = [
  {
    name: 'REGISTER_FREE_ATTEMPTS_PER_IP',
    usual: 30,
    bench: 100_000,
    why: 'every sign-up comes from 127.0.0.1 and counts against it for good',
  },
  {
    name: 'LOGIN_FREE_ATTEMPTS_PER_IP',
    usual: 30,
    bench: 100_000,
    why:
      'every login comes from 127.0.0.1 and holds one attempt of it until its right password ' +
      'gives it back, so about --concurrency attempts are always counted',
  },
  {
    name: 'LOGIN_FREE_ATTEMPTS_PER_ACCOUNT',
    usual: 5,
    bench: 1_000,
    why: 'reset by each right password; counts only when --concurrency exceeds --users',
  },
];

export async function startIdentity(
  settings: IdentitySettings,
  cleanup: CleanupStack,
): Promise<RunningIdentity> {
  const port = await freeLoopbackPort();
  const env = identityEnv(settings, port);

  let echoed = 0;
  const echo = (line: string): void => {
    echoed += 1;
    if (echoed <= ECHOED_LINES) {
      console.log(`  [identity] ${line.slice(0, 300)}`);
    }
  };
  const identity = new ServiceProcess('identity', env, echo, settings.nodeArgs);
  cleanup.push('stop Identity', () => identity.stop());
  await waitUntilHealthy(identity, `http://127.0.0.1:${port}`);

  return { process: identity, port, env };
}

function identityEnv(settings: IdentitySettings, port: number): Record<string, string> {
  return {
    DATABASE_URL: settings.databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'development',
    // At info every request and every login (security event) writes a line.
    LOG_LEVEL: 'warn',
    JWT_PRIVATE_KEY: newSigningKeyPem(),
    UV_THREADPOOL_SIZE: String(settings.threadpoolSize),
    // The peer's address is the client's: all of the bench's logins come from 127.0.0.1.
    TRUST_PROXY: 'false',
    // Blank counts as unset: the in-process queue, whatever this shell or a .env file says.
    AMQP_URL: '',
    EMAIL_PROVIDER: 'console',
    ...Object.fromEntries(RAISED_LIMITS.map((limit) => [limit.name, String(limit.bench)])),
    ...settings.extraEnv,
  };
}

/** A fresh ES256 key per run, as JWT_PRIVATE_KEY takes it (EC P-256, PKCS8 PEM). */
function newSigningKeyPem(): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });

  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}
