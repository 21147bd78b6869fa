import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestOrigin } from '../security-events/request-origin';
import { SecurityEvents } from '../security-events/security-events.service';
import { type CodeCheck, refusalMessage } from './code-check';
import type { ChallengePurpose } from './two-factor-challenge.entity';
import { TwoFactorChallenges } from './two-factor-challenges';

export type CheckedCode = Extract<CodeCheck, { ok: true }>;

export interface CodeAttempt {
  challengeId: string;
  purpose: ChallengePurpose;
  code: string;
  userId?: string;
  origin: RequestOrigin;
  /** Ends the sentence of a refusal: where to get a new code. */
  askAgain: string;
  refuse: (message: string) => Error;
}

/** Checks a code and spends it, with a security event for every refused code. */
@Injectable()
export class CodeSpending {
  constructor(
    private readonly challenges: TwoFactorChallenges,
    private readonly events: SecurityEvents,
  ) {}

  /** The checked code, not yet spent; throws `refuse(...)` for a refused one. */
  async check(attempt: CodeAttempt): Promise<CheckedCode> {
    const check = await this.challenges.check(attempt.challengeId, attempt.purpose, attempt.code);
    if (!check.ok) {
      this.events.record({
        event: 'two_factor.failed',
        userId: attempt.userId ?? check.userId,
        origin: attempt.origin,
        reason: `${attempt.purpose}_${check.refusal}`,
      });

      throw attempt.refuse(refusalMessage(check, attempt.askAgain));
    }

    return check;
  }

  /** Spends a checked code in the caller's transaction; throws when a concurrent use won. */
  async spend(manager: EntityManager, check: CheckedCode, attempt: CodeAttempt): Promise<void> {
    if (!(await this.challenges.use(manager, check.challenge.id))) {
      throw attempt.refuse(
        refusalMessage({ ok: false, refusal: 'no_longer_valid' }, attempt.askAgain),
      );
    }
  }
}
