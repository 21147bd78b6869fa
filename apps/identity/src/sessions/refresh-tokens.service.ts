import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { IdentityConfig } from '../config/identity-env';
import type { RequestOrigin } from '../security-events/request-origin';
import { RefreshToken } from './refresh-token.entity';
import {
  newRefreshToken,
  openReplacement,
  refreshTokenHash,
  sealReplacement,
} from './refresh-token-secret';
import { endSessions } from './session-ending';
import { Session, SessionEndReason } from './session.entity';

const DAY_MS = 24 * 60 * 60 * 1000;

// How long a spent token, or a session that is over, is kept to recognise a replay of it.
const KEPT_AFTER_USE_MS = 7 * DAY_MS;

export interface StartedSession {
  sessionId: string;
  refreshToken: string;
}

// The session and its first token, in one statement: atomic without a transaction around it.
const START_SESSION_SQL = `
  WITH session AS (
    INSERT INTO sessions (id, user_id, expires_at, last_used_at, ip, user_agent)
    VALUES ($1, $2, $3, $4, $5, $6)
  )
  INSERT INTO refresh_tokens (user_id, session_id, token_hash, expires_at)
  VALUES ($2, $1, $7, $3)`;

/**
 * What presenting a refresh token did: `rotated` (it is spent, here is its replacement),
 * `replayed` (spent a moment ago: the same replacement again), `reused` (spent before that:
 * its whole session is ended), or `refused` (unknown, expired, or its session is over).
 */
export type Rotation =
  | { outcome: 'rotated' | 'replayed'; session: Session; refreshToken: string }
  | { outcome: 'reused'; session: Session }
  | { outcome: 'refused' };

/**
 * Opaque refresh tokens, rotated on every use, in families (sessions) with a lifetime fixed at
 * login. Every change to a session's tokens holds the session's row lock, so refreshes of one
 * session, on any copy of the service, take turns.
 */
@Injectable()
export class RefreshTokensService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: ConfigService<IdentityConfig, true>,
  ) {}

  async startSession(userId: string, origin: RequestOrigin): Promise<StartedSession> {
    const now = new Date();
    const lifetimeDays = this.config.get('REFRESH_TOKEN_TTL_DAYS', { infer: true });
    const sessionId = randomUUID();
    const refreshToken = newRefreshToken();

    // Every token of a session ends with it: rotation never extends a sign-in.
    await this.dataSource.query(START_SESSION_SQL, [
      sessionId,
      userId,
      new Date(now.getTime() + lifetimeDays * DAY_MS),
      now,
      origin.ip,
      origin.userAgent,
      refreshTokenHash(refreshToken),
    ]);

    return { sessionId, refreshToken };
  }

  async rotate(presented: string): Promise<Rotation> {
    const found = await this.dataSource
      .getRepository(RefreshToken)
      .findOneBy({ tokenHash: refreshTokenHash(presented) });
    if (!found) {
      return { outcome: 'refused' };
    }

    return this.dataSource.transaction(async (manager) => {
      const session = await manager.findOne(Session, {
        where: { id: found.sessionId },
        lock: { mode: 'pessimistic_write' },
      });
      // Read again under the lock: a refresh that held it may have spent the token.
      const token = await manager.findOneBy(RefreshToken, { id: found.id });
      const now = new Date();
      if (!session || !token || !isLive(session, token, now)) {
        return { outcome: 'refused' };
      }

      if (!token.spentAt) {
        const replacement = await this.replace(manager, session, token, presented, now);

        return { outcome: 'rotated', session, refreshToken: replacement };
      }

      const replacement = await this.replacementWithinGrace(manager, token, presented, now);
      if (replacement) {
        return { outcome: 'replayed', session, refreshToken: replacement };
      }

      await endSessions(manager, { id: session.id }, 'refresh_token_reused');

      return { outcome: 'reused', session };
    });
  }

  /** Ends the session the token belongs to, spent or not; undefined for an unknown token. */
  async endSessionOf(
    presented: string,
    reason: SessionEndReason,
  ): Promise<Pick<Session, 'id' | 'userId'> | undefined> {
    const token = await this.dataSource
      .getRepository(RefreshToken)
      .findOneBy({ tokenHash: refreshTokenHash(presented) });
    if (!token) {
      return undefined;
    }

    const [ended] = await endSessions(this.dataSource.manager, { id: token.sessionId }, reason);

    return ended;
  }

  /** Ends every session of the user (password reset); pass a manager to join its transaction. */
  async revokeAllFor(
    userId: string,
    manager: EntityManager = this.dataSource.manager,
    reason: SessionEndReason = 'password_reset',
  ): Promise<void> {
    await endSessions(manager, { userId }, reason);
  }

  /** Wipes the sealed replacements whose grace window is over; returns how many. */
  async wipeExpiredSeals(): Promise<number> {
    const graceSeconds = this.config.get('REFRESH_TOKEN_REUSE_GRACE_SECONDS', { infer: true });
    const result = await this.dataSource
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ childTokenSealed: null })
      .where('child_token_sealed IS NOT NULL AND spent_at < :before', {
        before: new Date(Date.now() - graceSeconds * 1000),
      })
      .execute();

    return result.affected ?? 0;
  }

  /**
   * Deletes sessions over for a week (their tokens go with them), and tokens spent a week ago:
   * presenting one then is refused like any unknown token, without ending its session.
   */
  async pruneOld(): Promise<number> {
    const before = new Date(Date.now() - KEPT_AFTER_USE_MS);

    const sessions = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(Session)
      .where('expires_at < :before', { before })
      .execute();
    const tokens = await this.dataSource
      .createQueryBuilder()
      .delete()
      .from(RefreshToken)
      .where('spent_at < :before', { before })
      .execute();

    return (sessions.affected ?? 0) + (tokens.affected ?? 0);
  }

  private async replace(
    manager: EntityManager,
    session: Session,
    token: RefreshToken,
    presented: string,
    now: Date,
  ): Promise<string> {
    const replacement = newRefreshToken();
    const replacementId = await this.insertToken(manager, session, replacement);
    const graceSeconds = this.config.get('REFRESH_TOKEN_REUSE_GRACE_SECONDS', { infer: true });

    // Only the newest token's parent keeps a sealed copy: older ones can never be replayed.
    await manager.update(
      RefreshToken,
      { sessionId: session.id, childTokenSealed: Not(IsNull()) },
      { childTokenSealed: null },
    );
    await manager.update(
      RefreshToken,
      { id: token.id },
      {
        spentAt: now,
        replacedById: replacementId,
        childTokenSealed: graceSeconds > 0 ? sealReplacement(presented, replacement) : null,
      },
    );
    await manager.update(Session, { id: session.id }, { lastUsedAt: now });

    return replacement;
  }

  /** The same replacement again: the token was spent within the grace window, its replacement unused. */
  private async replacementWithinGrace(
    manager: EntityManager,
    token: RefreshToken,
    presented: string,
    now: Date,
  ): Promise<string | undefined> {
    const graceMs = this.config.get('REFRESH_TOKEN_REUSE_GRACE_SECONDS', { infer: true }) * 1000;
    const spentAgoMs = now.getTime() - (token.spentAt?.getTime() ?? 0);
    if (!token.childTokenSealed || !token.replacedById || spentAgoMs > graceMs) {
      return undefined;
    }

    const replacement = await manager.findOneBy(RefreshToken, { id: token.replacedById });
    if (!replacement || replacement.spentAt) {
      return undefined;
    }

    return openReplacement(presented, token.childTokenSealed);
  }

  private async insertToken(
    manager: EntityManager,
    session: Session,
    token: string,
  ): Promise<string> {
    const result = await manager.insert(RefreshToken, {
      userId: session.userId,
      sessionId: session.id,
      tokenHash: refreshTokenHash(token),
      // Every token of a session ends with it: rotation never extends a sign-in.
      expiresAt: session.expiresAt,
    });

    return (result.identifiers[0] as { id: string }).id;
  }
}

function isLive(session: Session, token: RefreshToken, now: Date): boolean {
  return !session.endedAt && session.expiresAt > now && token.expiresAt > now;
}
