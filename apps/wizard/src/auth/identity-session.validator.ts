import type { AuthenticatedUser, SessionValidator } from '@app/common';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { WizardConfig } from '../config/wizard-env';

// How long a session Identity confirmed is trusted without asking again.
const CONFIRMED_FOR_MS = 30_000;
const IDENTITY_TIMEOUT_MS = 3_000;
const MAX_REMEMBERED = 10_000;

/**
 * Asks Identity (`GET /me` with the caller's token) whether a token's session still lives, at
 * most every 30 s per session: a logout or a disabled account reaches the Wizard within that.
 * When Identity cannot be reached the signature alone decides, so an outage there does not
 * lock every owner out.
 */
@Injectable()
export class IdentitySessionValidator implements SessionValidator {
  private readonly logger = new Logger(IdentitySessionValidator.name);
  private readonly meUrl: string;
  private readonly confirmedUntil = new Map<string, number>();

  constructor(config: ConfigService<WizardConfig, true>) {
    this.meUrl = `${config.get('IDENTITY_URL', { infer: true }).replace(/\/$/, '')}/me`;
  }

  async isLive(user: AuthenticatedUser, token: string): Promise<boolean> {
    const key = user.sessionId;
    if ((this.confirmedUntil.get(key) ?? 0) > Date.now()) {
      return true;
    }

    const verdict = await this.askIdentity(token);
    if (verdict === 'ended') {
      this.confirmedUntil.delete(key);

      return false;
    }
    if (verdict === 'live') {
      this.remember(key);
    }

    return true;
  }

  private async askIdentity(token: string): Promise<'live' | 'ended' | 'unknown'> {
    try {
      const response = await fetch(this.meUrl, {
        headers: { authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(IDENTITY_TIMEOUT_MS),
      });
      if (response.status === 401 || response.status === 403) {
        return 'ended';
      }

      return response.ok ? 'live' : 'unknown';
    } catch (error) {
      this.logger.warn({ reason: (error as Error).message }, 'Identity unreachable; token trusted');

      return 'unknown';
    }
  }

  private remember(key: string): void {
    if (this.confirmedUntil.size >= MAX_REMEMBERED) {
      this.confirmedUntil.clear();
    }
    this.confirmedUntil.set(key, Date.now() + CONFIRMED_FOR_MS);
  }
}
