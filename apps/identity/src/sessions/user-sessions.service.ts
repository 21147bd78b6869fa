import { NotFoundError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { endSessions } from './session-ending';
import { Session, SessionEndReason } from './session.entity';

// A list for people; anyone with more live sign-ins than this can end them all.
const LISTED_SESSIONS = 100;

export interface SessionView {
  id: string;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

/** The sessions a user can see and end. */
@Injectable()
export class UserSessionsService {
  constructor(private readonly dataSource: DataSource) {}

  async listLive(userId: string, currentSessionId?: string): Promise<SessionView[]> {
    const sessions = await this.dataSource.getRepository(Session).find({
      where: { userId, endedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { lastUsedAt: 'DESC' },
      take: LISTED_SESSIONS,
    });

    return sessions.map((session) => ({
      id: session.id,
      createdAt: session.createdAt,
      lastUsedAt: session.lastUsedAt,
      expiresAt: session.expiresAt,
      ip: session.ip,
      userAgent: session.userAgent,
      current: session.id === currentSessionId,
    }));
  }

  /** Ends one of the user's sessions; ending one that is already over changes nothing. */
  async end(userId: string, sessionId: string, reason: SessionEndReason): Promise<void> {
    const exists = await this.dataSource.getRepository(Session).existsBy({ id: sessionId, userId });
    if (!exists) {
      throw new NotFoundError('You have no session with this id.');
    }

    await endSessions(this.dataSource.manager, { id: sessionId, userId }, reason);
  }

  /** Ends every session of the user; returns how many were live. */
  async endAll(userId: string, reason: SessionEndReason): Promise<number> {
    const ended = await endSessions(this.dataSource.manager, { userId }, reason);

    return ended.length;
  }
}
