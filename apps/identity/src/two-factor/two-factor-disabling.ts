import { AppError, ConflictError, InvalidRequestError } from '@app/common';
import { maskPhoneNumber } from '@app/sms';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AbuseLimiter } from '../abuse/abuse-limiter';
import type { AbuseRule } from '../abuse/abuse-rule';
import type { RequestOrigin } from '../security-events/request-origin';
import { SecurityEvents } from '../security-events/security-events.service';
import { PasswordHasher } from '../users/password-hasher';
import { User } from '../users/user.entity';
import { accountOf, NOT_ON } from './account-of';
import { CheckedCode, CodeAttempt, CodeSpending } from './code-spending';
import type { CodeSentResponse } from './dto/two-factor.responses';
import { verifiedRecipient } from './recipient-of';
import { TwoFactorChallenges } from './two-factor-challenges';

/** Password checks on DELETE /me/2fa: a stolen access token must not become a password oracle. */
export const DISABLE_PASSWORD_RULE: AbuseRule = {
  scope: 'two_factor.disable_password',
  freeAttempts: 5,
};

export interface DisableProof {
  password?: string;
  code?: string;
}

const ASK_AGAIN = 'Ask for a new one with POST /me/2fa/sms/code.';

/** Turning SMS 2FA off, proven by the password or by a code sent to the verified number. */
@Injectable()
export class TwoFactorDisabling {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly challenges: TwoFactorChallenges,
    private readonly codes: CodeSpending,
    private readonly hasher: PasswordHasher,
    private readonly limiter: AbuseLimiter,
    private readonly events: SecurityEvents,
  ) {}

  async requestCode(userId: string, origin: RequestOrigin): Promise<CodeSentResponse> {
    const phone = this.verifiedPhoneOf(await accountOf(this.dataSource.manager, userId));

    const sent = await this.challenges.open('disable', verifiedRecipient(userId, phone, origin.ip));

    return { sentTo: maskPhoneNumber(phone), expiresIn: sent.expiresIn };
  }

  async disable(userId: string, proof: DisableProof, origin: RequestOrigin): Promise<void> {
    if ((proof.password === undefined) === (proof.code === undefined)) {
      throw new InvalidRequestError('Send either password or code (from POST /me/2fa/sms/code).');
    }
    const user = await accountOf(this.dataSource.manager, userId);
    this.verifiedPhoneOf(user);

    const code =
      proof.code === undefined ? undefined : await this.checkCode(userId, proof.code, origin);
    if (proof.password !== undefined) {
      await this.checkPassword(user, proof.password, origin);
    }

    await this.dataSource.transaction(async (manager) => {
      if (code) {
        await this.codes.spend(manager, code.check, code.attempt);
      }
      await manager.update(User, { id: userId }, { twoFactorPhone: null });
      await this.challenges.endAllOf(manager, userId);
    });
    this.events.record({ event: 'two_factor.disabled', userId, origin });
  }

  private async checkPassword(user: User, password: string, origin: RequestOrigin): Promise<void> {
    const key = { rule: DISABLE_PASSWORD_RULE, value: user.id };
    await this.limiter.consume([key]);

    if (!(await this.hasher.verify(user.passwordHash, password))) {
      this.events.record({
        event: 'two_factor.failed',
        userId: user.id,
        origin,
        reason: 'disable_bad_password',
      });
      throw new AppError('forbidden', 'The password is wrong.');
    }
    await this.limiter.reset([key]);
  }

  private async checkCode(
    userId: string,
    code: string,
    origin: RequestOrigin,
  ): Promise<{ check: CheckedCode; attempt: CodeAttempt }> {
    const pending = await this.challenges.findLatest('disable', userId);
    if (!pending) {
      throw new AppError('forbidden', `No code is pending. ${ASK_AGAIN}`);
    }
    const attempt: CodeAttempt = {
      challengeId: pending.id,
      purpose: 'disable',
      code,
      userId,
      origin,
      askAgain: ASK_AGAIN,
      refuse: (message) => new AppError('forbidden', message),
    };

    return { check: await this.codes.check(attempt), attempt };
  }

  private verifiedPhoneOf(user: User): string {
    if (user.twoFactorPhone === null) {
      throw new ConflictError(NOT_ON);
    }

    return user.twoFactorPhone;
  }
}
