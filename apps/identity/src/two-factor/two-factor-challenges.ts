import { randomUUID } from 'node:crypto';
import { TooManyRequestsError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { User } from '../users/user.entity';
import { CodeCheck } from './code-check';
import { CodeSender } from './code-sender';
import { SmsSendCaps } from './sms-send-caps';
import { ChallengePurpose, TwoFactorChallenge } from './two-factor-challenge.entity';
import { MAX_CODE_ATTEMPTS, TwoFactorSettings } from './two-factor.settings';
import { updateReturning } from './update-returning';
import { VerificationCodes } from './verification-codes';

export interface CodeRecipient {
  userId: string;
  /** E.164. */
  phone: string;
  country: string;
  ip: string | null;
}

export interface SentChallenge {
  id: string;
  expiresIn: number;
}

interface AttemptRow {
  user_id: string;
  phone: string;
  code_hash: string;
  attempts: number;
}

/**
 * The life of a code: opened (caps taken, row written, SMS sent), tried (each try counted
 * before it is compared), used once. The caps, the cooldown and the row are committed before
 * the SMS goes out, with the user's row locked so that one user's requests queue up.
 */
@Injectable()
export class TwoFactorChallenges {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: TwoFactorSettings,
    private readonly codes: VerificationCodes,
    private readonly caps: SmsSendCaps,
    private readonly sender: CodeSender,
  ) {}

  /** A new challenge; any open one of the same user and purpose ends (superseded). */
  async open(purpose: ChallengePurpose, recipient: CodeRecipient): Promise<SentChallenge> {
    const id = randomUUID();
    const code = this.codes.generate();

    await this.dataSource.transaction(async (manager) => {
      await this.lockUserAndWaitOutCooldown(manager, recipient.userId, purpose);
      await this.caps.reserve(manager, { purpose, ...recipient });
      await manager.query(
        `UPDATE two_factor_challenges SET ended_at = now(), end_reason = 'superseded'
         WHERE user_id = $1 AND purpose = $2 AND ended_at IS NULL`,
        [recipient.userId, purpose],
      );
      await manager.query(
        `INSERT INTO two_factor_challenges
           (id, user_id, purpose, phone, code_hash, last_sent_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, now(), now() + make_interval(secs => $6))`,
        [
          id,
          recipient.userId,
          purpose,
          recipient.phone,
          this.codes.hash(id, code),
          this.settings.codeTtlSeconds,
        ],
      );
    });

    return this.deliver(id, recipient.phone, code, purpose);
  }

  /**
   * A new code for a live challenge, which the old code no longer opens; undefined when the
   * challenge has ended or expired. Tries already made still count: a resend gives no fresh
   * round of guesses.
   */
  async resend(
    id: string,
    purpose: ChallengePurpose,
    recipient: CodeRecipient,
  ): Promise<SentChallenge | undefined> {
    const code = this.codes.generate();

    const resent = await this.dataSource.transaction(async (manager) => {
      await manager.findOne(User, {
        where: { id: recipient.userId },
        lock: { mode: 'for_no_key_update' },
      });
      // An ended challenge is told apart before the cooldown: it needs a new login, not a wait.
      if (!(await this.isLive(manager, id, purpose))) {
        return false;
      }
      await this.waitOutCooldown(manager, recipient.userId, purpose);
      const rows = await updateReturning<{ id: string }>(
        manager,
        `UPDATE two_factor_challenges
         SET code_hash = $2, send_count = send_count + 1, last_sent_at = now(),
             expires_at = now() + make_interval(secs => $3)
         WHERE id = $1 AND purpose = $4 AND user_id = $5
           AND ended_at IS NULL AND expires_at > now() AND attempts < $6
         RETURNING id`,
        [
          id,
          this.codes.hash(id, code),
          this.settings.codeTtlSeconds,
          purpose,
          recipient.userId,
          MAX_CODE_ATTEMPTS,
        ],
      );
      if (rows.length === 0) {
        return false;
      }
      // After the update: a cap that refuses rolls the new code back with it.
      await this.caps.reserve(manager, { purpose, ...recipient });

      return true;
    });

    return resent ? this.deliver(id, recipient.phone, code, purpose) : undefined;
  }

  /** The newest challenge of this purpose for this user, open or not. */
  findLatest(purpose: ChallengePurpose, userId: string): Promise<TwoFactorChallenge | null> {
    return this.dataSource.manager.findOne(TwoFactorChallenge, {
      where: { userId, purpose },
      order: { createdAt: 'DESC' },
    });
  }

  findById(id: string, purpose: ChallengePurpose): Promise<TwoFactorChallenge | null> {
    return this.dataSource.manager.findOneBy(TwoFactorChallenge, { id, purpose });
  }

  /**
   * Counts the try (committed at once, whatever the caller does next), then compares. A right
   * code is not yet spent: the caller spends it with `use`, in the transaction of its change.
   */
  async check(id: string, purpose: ChallengePurpose, code: string): Promise<CodeCheck> {
    const manager = this.dataSource.manager;
    const [row] = await updateReturning<AttemptRow>(
      manager,
      `UPDATE two_factor_challenges SET attempts = attempts + 1
       WHERE id = $1 AND purpose = $2 AND ended_at IS NULL AND expires_at > now() AND attempts < $3
       RETURNING user_id, phone, code_hash, attempts`,
      [id, purpose, MAX_CODE_ATTEMPTS],
    );
    if (!row) {
      return this.whyNotOpen(id, purpose);
    }

    if (this.codes.matches(id, code, row.code_hash)) {
      return { ok: true, challenge: { id, userId: row.user_id, phone: row.phone } };
    }

    const userId = row.user_id;
    const triesLeft = MAX_CODE_ATTEMPTS - row.attempts;
    if (triesLeft > 0) {
      return { ok: false, refusal: 'wrong', triesLeft, userId };
    }

    await this.end(manager, id, 'too_many_attempts');

    return { ok: false, refusal: 'too_many_attempts', userId };
  }

  /** Spends a checked code; false when a concurrent request spent it first. */
  async use(manager: EntityManager, id: string): Promise<boolean> {
    const rows = await updateReturning<{ id: string }>(
      manager,
      `UPDATE two_factor_challenges SET ended_at = now(), end_reason = 'used'
       WHERE id = $1 AND ended_at IS NULL RETURNING id`,
      [id],
    );

    return rows.length > 0;
  }

  /** Ends every open challenge of the user (2FA turned off). */
  async endAllOf(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(
      `UPDATE two_factor_challenges SET ended_at = now(), end_reason = 'superseded'
       WHERE user_id = $1 AND ended_at IS NULL`,
      [userId],
    );
  }

  private async deliver(
    id: string,
    phone: string,
    code: string,
    purpose: ChallengePurpose,
  ): Promise<SentChallenge> {
    try {
      await this.sender.send(phone, code, purpose, this.settings.codeTtlSeconds);
    } catch (error: unknown) {
      await this.end(this.dataSource.manager, id, 'send_failed');
      throw error;
    }

    return { id, expiresIn: this.settings.codeTtlSeconds };
  }

  private async end(manager: EntityManager, id: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE two_factor_challenges SET ended_at = now(), end_reason = $2
       WHERE id = $1 AND ended_at IS NULL`,
      [id, reason],
    );
  }

  /**
   * Locks the user's row for this transaction (one user's sends queue up), then refuses within
   * the cooldown of the last code of this purpose. A second login within the cooldown (another
   * device) gets 429 too, rather than the code already sent; reusing the live challenge for it
   * would need the challenge bound to both logins, left until users ask for it.
   */
  private async lockUserAndWaitOutCooldown(
    manager: EntityManager,
    userId: string,
    purpose: ChallengePurpose,
  ): Promise<void> {
    await manager.findOne(User, { where: { id: userId }, lock: { mode: 'for_no_key_update' } });
    await this.waitOutCooldown(manager, userId, purpose);
  }

  private async isLive(manager: EntityManager, id: string, purpose: ChallengePurpose) {
    const rows = (await manager.query(
      `SELECT 1 FROM two_factor_challenges
       WHERE id = $1 AND purpose = $2 AND ended_at IS NULL AND expires_at > now() AND attempts < $3`,
      [id, purpose, MAX_CODE_ATTEMPTS],
    )) as unknown[];

    return rows.length > 0;
  }

  /** Failed sends do not count: nothing reached the phone. */
  private async waitOutCooldown(
    manager: EntityManager,
    userId: string,
    purpose: ChallengePurpose,
  ): Promise<void> {
    const cooldown = this.settings.resendCooldownSeconds;
    if (cooldown === 0) {
      return;
    }
    const [{ wait }] = (await manager.query(
      `SELECT ceil(extract(epoch FROM max(last_sent_at) + make_interval(secs => $3) - now()))::int
         AS wait
       FROM two_factor_challenges
       WHERE user_id = $1 AND purpose = $2 AND end_reason IS DISTINCT FROM 'send_failed'`,
      [userId, purpose, cooldown],
    )) as Array<{ wait: number | null }>;
    if (wait !== null && wait > 0) {
      throw new TooManyRequestsError(
        `A code was sent moments ago; wait ${wait} s before asking for another.`,
        wait,
      );
    }
  }

  private async whyNotOpen(id: string, purpose: ChallengePurpose): Promise<CodeCheck> {
    const [row] = (await this.dataSource.manager.query(
      `SELECT user_id, end_reason, attempts, expires_at <= now() AS expired
       FROM two_factor_challenges WHERE id = $1 AND purpose = $2`,
      [id, purpose],
    )) as Array<{ user_id: string; end_reason: string | null; attempts: number; expired: boolean }>;
    if (!row) {
      return { ok: false, refusal: 'no_longer_valid' };
    }
    const userId = row.user_id;
    if (row.end_reason === 'too_many_attempts' || row.attempts >= MAX_CODE_ATTEMPTS) {
      return { ok: false, refusal: 'too_many_attempts', userId };
    }
    if (row.end_reason === null && row.expired) {
      return { ok: false, refusal: 'expired', userId };
    }

    return { ok: false, refusal: 'no_longer_valid', userId };
  }
}
