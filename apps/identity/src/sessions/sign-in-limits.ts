import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AbuseLimiter } from '../abuse/abuse-limiter';
import type { AbuseRule, AbuseVerdict, LimitedKey } from '../abuse/abuse-rule';
import { ipKey } from '../abuse/ip-key';
import type { IdentityConfig } from '../config/identity-env';
import type { RequestOrigin } from '../security-events/request-origin';
import { normalizeEmail } from '../users/normalize-email';

/**
 * Login and registration limits, per account and per IP, independent of each other. The
 * account is keyed by the email as typed (normalized), known or not, so a limit never tells
 * whether an account exists.
 */
@Injectable()
export class SignInLimits {
  private readonly loginPerAccount: AbuseRule;
  private readonly loginPerIp: AbuseRule;
  private readonly registerPerAccount: AbuseRule;
  private readonly registerPerIp: AbuseRule;

  constructor(
    private readonly limiter: AbuseLimiter,
    config: ConfigService<IdentityConfig, true>,
  ) {
    this.loginPerAccount = {
      scope: 'login.account',
      freeAttempts: config.get('LOGIN_FREE_ATTEMPTS_PER_ACCOUNT', { infer: true }),
    };
    this.loginPerIp = {
      scope: 'login.ip',
      freeAttempts: config.get('LOGIN_FREE_ATTEMPTS_PER_IP', { infer: true }),
    };
    this.registerPerAccount = {
      scope: 'register.account',
      freeAttempts: config.get('REGISTER_FREE_ATTEMPTS_PER_ACCOUNT', { infer: true }),
    };
    this.registerPerIp = {
      scope: 'register.ip',
      freeAttempts: config.get('REGISTER_FREE_ATTEMPTS_PER_IP', { infer: true }),
    };
  }

  /** Counts a login attempt, the IP's first: a refused account still costs the IP. */
  attemptLogin(email: string, origin: RequestOrigin): Promise<AbuseVerdict> {
    return this.limiter.attempt([
      ...this.ipKeys(this.loginPerIp, origin),
      { rule: this.loginPerAccount, value: normalizeEmail(email) },
    ]);
  }

  /** A right password clears the account's streak; the IP only gets this attempt back. */
  passwordAccepted(email: string, origin: RequestOrigin): Promise<void> {
    return this.limiter.forgive({
      reset: [{ rule: this.loginPerAccount, value: normalizeEmail(email) }],
      refund: this.ipKeys(this.loginPerIp, origin),
    });
  }

  /** Every registration attempt counts, made or refused. Throws 429 when over. */
  async consumeRegistration(email: string, origin: RequestOrigin): Promise<void> {
    await this.limiter.consume([
      ...this.ipKeys(this.registerPerIp, origin),
      { rule: this.registerPerAccount, value: normalizeEmail(email) },
    ]);
  }

  private ipKeys(rule: AbuseRule, origin: RequestOrigin): LimitedKey[] {
    return origin.ip ? [{ rule, value: ipKey(origin.ip) }] : [];
  }
}
