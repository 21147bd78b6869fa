import { ConflictError, InvalidRequestError } from '@app/common';
import { maskPhoneNumber } from '@app/sms';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RequestOrigin } from '../security-events/request-origin';
import { SecurityEvents } from '../security-events/security-events.service';
import { User } from '../users/user.entity';
import { accountOf, ALREADY_ON } from './account-of';
import { CodeAttempt, CodeSpending } from './code-spending';
import type { CodeSentResponse, TwoFactorStatusResponse } from './dto/two-factor.responses';
import { PhonePolicy } from './phone-policy';
import { TwoFactorChallenges } from './two-factor-challenges';

const ASK_AGAIN = 'Ask for a new one with POST /me/2fa/sms.';

/** Turning SMS 2FA on: a code to the new number first, the number stored once it came back. */
@Injectable()
export class TwoFactorEnabling {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly challenges: TwoFactorChallenges,
    private readonly phones: PhonePolicy,
    private readonly codes: CodeSpending,
    private readonly events: SecurityEvents,
  ) {}

  /** Sends a code to the number to be verified; nothing changes on the account yet. */
  async request(
    userId: string,
    phoneInput: string,
    origin: RequestOrigin,
  ): Promise<CodeSentResponse> {
    const user = await accountOf(this.dataSource.manager, userId);
    if (user.twoFactorPhone !== null) {
      throw new ConflictError(ALREADY_ON);
    }
    const phone = this.phones.accept(phoneInput);

    const sent = await this.challenges.open('enable', {
      userId,
      phone: phone.e164,
      country: phone.country as string,
      ip: origin.ip,
    });

    return { sentTo: maskPhoneNumber(phone.e164), expiresIn: sent.expiresIn };
  }

  async confirm(
    userId: string,
    code: string,
    origin: RequestOrigin,
  ): Promise<TwoFactorStatusResponse> {
    const pending = await this.challenges.findLatest('enable', userId);
    if (!pending) {
      throw new InvalidRequestError(`No code is pending. ${ASK_AGAIN}`);
    }
    const attempt: CodeAttempt = {
      challengeId: pending.id,
      purpose: 'enable',
      code,
      userId,
      origin,
      askAgain: ASK_AGAIN,
      refuse: (message) => new InvalidRequestError(message),
    };
    const check = await this.codes.check(attempt);

    await this.dataSource.transaction(async (manager) => {
      await this.codes.spend(manager, check, attempt);
      const stored = await manager
        .createQueryBuilder()
        .update(User)
        .set({ twoFactorPhone: check.challenge.phone })
        .where('id = :userId AND two_factor_phone IS NULL', { userId })
        .execute();
      if (stored.affected === 0) {
        throw new ConflictError(ALREADY_ON);
      }
    });
    this.events.record({ event: 'two_factor.enabled', userId, origin });

    return { twoFactorEnabled: true, phone: maskPhoneNumber(check.challenge.phone) };
  }
}
