import { z } from 'zod';

const webUrl = z.url({ protocol: /^https?$/, message: 'must be an http or https URL' });

const count = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

export const PASSWORD_RESET_ENV = {
  /** Base of the links in emails, as for the Wizard. */
  DASHBOARD_URL: webUrl.default('http://localhost:3000'),
  /** The dashboard page that takes `?token=`; unset: DASHBOARD_URL + /reset-password. */
  PASSWORD_RESET_URL: webUrl.optional(),
  PASSWORD_RESET_TOKEN_TTL_MINUTES: z.coerce.number().int().min(5).max(1_440).default(60),
  /** Reset emails one address gets at once; then each waits longer (AbuseLimiter), still 202. */
  PASSWORD_RESET_FREE_ATTEMPTS_PER_ACCOUNT: count(3, 1_000),
  /** Requests, and apart from them confirmations, from one IP before 429 with Retry-After. */
  PASSWORD_RESET_FREE_ATTEMPTS_PER_IP: count(30, 100_000),
};

interface PasswordResetEnv {
  NODE_ENV: string;
  DASHBOARD_URL: string;
  PASSWORD_RESET_URL?: string;
}

export function passwordResetPageOf(env: PasswordResetEnv): string {
  return env.PASSWORD_RESET_URL ?? `${env.DASHBOARD_URL.replace(/\/+$/, '')}/reset-password`;
}

export function checkPasswordResetEnv(env: PasswordResetEnv, context: z.RefinementCtx): void {
  // A reset link sent over plain http can be read on the way and used before its owner does.
  if (env.NODE_ENV === 'production' && !passwordResetPageOf(env).startsWith('https://')) {
    context.addIssue({
      code: 'custom',
      path: [env.PASSWORD_RESET_URL ? 'PASSWORD_RESET_URL' : 'DASHBOARD_URL'],
      message: 'must be an https URL in production (password reset links carry a token)',
    });
  }
}

export function withPasswordResetDefaults<Env extends PasswordResetEnv>(
  env: Env,
): Env & { PASSWORD_RESET_URL: string } {
  return { ...env, PASSWORD_RESET_URL: passwordResetPageOf(env) };
}
