import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { RequestOrigin } from '../security-events/request-origin';
import { normalizeEmail } from '../users/normalize-email';
import { PasswordResetLimits } from './password-reset-limits';
import { PendingPasswordReset } from './pending-password-reset.entity';
import { PendingPasswordResetProcessor } from './pending-password-reset.processor';

/**
 * Accepts a reset request. What happens before the answer never looks at the accounts: the
 * same limiter statements and one INSERT, committed, for every email. So the answer takes as
 * long for an unknown email as for a known one, and once it is sent the request survives a
 * crash. The processor does the rest after the answer.
 */
@Injectable()
export class PasswordResetIntake {
  private readonly logger = new Logger(PasswordResetIntake.name);

  constructor(
    @InjectRepository(PendingPasswordReset)
    private readonly pending: Repository<PendingPasswordReset>,
    private readonly limits: PasswordResetLimits,
    private readonly processor: PendingPasswordResetProcessor,
  ) {}

  async accept(email: string, origin: RequestOrigin): Promise<void> {
    await this.limits.assertRequestAllowedFrom(origin.ip);

    const emailNormalized = normalizeEmail(email);
    if (!(await this.limits.allowsLinkFor(emailNormalized))) {
      this.logger.log('Password reset request dropped: this email must wait for its next link');

      return;
    }

    await this.pending.insert({
      emailNormalized,
      clientIp: origin.ip,
      clientUserAgent: origin.userAgent,
    });
    this.processor.processSoon();
  }
}
