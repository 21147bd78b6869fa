import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AbuseLimiter } from '../abuse/abuse-limiter';
import type { AbuseRule } from '../abuse/abuse-rule';
import { ipKey } from '../abuse/ip-key';
import type { IdentityConfig } from '../config/identity-env';

// An email is not a login attempt: once the free ones are used, make the next wait a minute.
const ACCOUNT_BASE_DELAY_SECONDS = 60;

/**
 * Password reset's rules for the shared AbuseLimiter. The account is keyed by the normalized
 * email, not by a user id, so that an unknown address is limited exactly like a known one.
 */
@Injectable()
export class PasswordResetLimits {
  private readonly perAccount: AbuseRule;
  private readonly requestsPerIp: AbuseRule;
  private readonly confirmationsPerIp: AbuseRule;

  constructor(
    private readonly limiter: AbuseLimiter,
    config: ConfigService<IdentityConfig, true>,
  ) {
    const perIp = config.get('PASSWORD_RESET_FREE_ATTEMPTS_PER_IP', { infer: true });

    this.perAccount = {
      scope: 'password_reset.account',
      freeAttempts: config.get('PASSWORD_RESET_FREE_ATTEMPTS_PER_ACCOUNT', { infer: true }),
      baseDelaySeconds: ACCOUNT_BASE_DELAY_SECONDS,
    };
    this.requestsPerIp = { scope: 'password_reset.ip', freeAttempts: perIp };
    this.confirmationsPerIp = { scope: 'password_reset_confirm.ip', freeAttempts: perIp };
  }

  /** Throws TooManyRequestsError (429, Retry-After) when this address asked too often. */
  async assertRequestAllowedFrom(ip: string | null): Promise<void> {
    if (ip) {
      await this.limiter.consume([{ rule: this.requestsPerIp, value: ipKey(ip) }]);
    }
  }

  async assertConfirmationAllowedFrom(ip: string | null): Promise<void> {
    if (ip) {
      await this.limiter.consume([{ rule: this.confirmationsPerIp, value: ipKey(ip) }]);
    }
  }

  /**
   * False while this email must wait for its next link. The caller then drops the request and
   * still answers 202: a 429 would tell a stranger that someone asked for this address.
   */
  async allowsLinkFor(emailNormalized: string): Promise<boolean> {
    const verdict = await this.limiter.attempt([{ rule: this.perAccount, value: emailNormalized }]);

    return verdict.allowed;
  }
}
