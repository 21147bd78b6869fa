import { AppError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RequestOrigin } from '../security-events/request-origin';
import { User } from '../users/user.entity';
import { refusalMessage } from './code-check';
import { CodeAttempt, CodeSpending } from './code-spending';
import type { TwoFactorRequiredResponse } from './dto/two-factor.responses';
import { verifiedRecipient } from './recipient-of';
import { TwoFactorChallenges } from './two-factor-challenges';

const LOG_IN_AGAIN = 'Log in again for a new code.';
const SIGN_IN_ENDED = 'This sign-in has ended or expired; log in again.';

/**
 * The second step of a login with SMS 2FA on: SessionsService opens the challenge after the
 * right password; POST /auth/2fa/verify ends it, and the token pair is issued only then.
 */
@Injectable()
export class LoginSecondFactor {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly challenges: TwoFactorChallenges,
    private readonly codes: CodeSpending,
  ) {}

  isRequiredFor(user: User): boolean {
    return user.twoFactorPhone !== null;
  }

  /** Sends a code to the account's verified number, and only there. */
  async start(user: User, origin: RequestOrigin): Promise<TwoFactorRequiredResponse> {
    if (user.twoFactorPhone === null) {
      throw new Error('LoginSecondFactor.start needs a user with 2FA on');
    }

    const recipient = verifiedRecipient(user.id, user.twoFactorPhone, origin.ip);
    const sent = await this.challenges.open('login', recipient);

    return { twoFactorRequired: true, challengeId: sent.id, expiresIn: sent.expiresIn };
  }

  async resend(challengeId: string, origin: RequestOrigin): Promise<TwoFactorRequiredResponse> {
    const challenge = await this.challenges.findById(challengeId, 'login');
    if (!challenge) {
      throw new AppError('unauthorized', SIGN_IN_ENDED);
    }

    const recipient = verifiedRecipient(challenge.userId, challenge.phone, origin.ip);
    const sent = await this.challenges.resend(challengeId, 'login', recipient);
    if (!sent) {
      throw new AppError('unauthorized', SIGN_IN_ENDED);
    }

    return { twoFactorRequired: true, challengeId, expiresIn: sent.expiresIn };
  }

  /** The user whose code this is; the code is spent. Throws 401 for anything else. */
  async verify(challengeId: string, code: string, origin: RequestOrigin): Promise<User> {
    const attempt: CodeAttempt = {
      challengeId,
      purpose: 'login',
      code,
      origin,
      askAgain: LOG_IN_AGAIN,
      refuse: (message) => new AppError('unauthorized', message),
    };
    const check = await this.codes.check(attempt);

    const user = await this.dataSource.transaction(async (manager) => {
      await this.codes.spend(manager, check, attempt);

      return manager.findOneBy(User, { id: check.challenge.userId });
    });
    // 2FA turned off, the account disabled or gone since the code was sent: it proves nothing.
    if (!user || user.disabledAt || user.twoFactorPhone !== check.challenge.phone) {
      throw attempt.refuse(refusalMessage({ ok: false, refusal: 'no_longer_valid' }, LOG_IN_AGAIN));
    }

    return user;
  }
}
