import { AuthenticatedUser } from '@app/common';
import { Injectable } from '@nestjs/common';
import type { RequestOrigin } from '../security-events/request-origin';
import { SecurityEvents } from '../security-events/security-events.service';
import { SessionView, UserSessionsService } from './user-sessions.service';

/** What the bearer may do with their own sessions. */
@Injectable()
export class MySessionsService {
  constructor(
    private readonly sessions: UserSessionsService,
    private readonly events: SecurityEvents,
  ) {}

  list(user: AuthenticatedUser): Promise<SessionView[]> {
    return this.sessions.listLive(user.id, user.sessionId);
  }

  async end(user: AuthenticatedUser, sessionId: string, origin: RequestOrigin): Promise<void> {
    await this.sessions.end(user.id, sessionId, 'ended_by_user');

    this.events.record({
      event: 'session.ended',
      userId: user.id,
      sessionId,
      origin,
      reason: 'ended_by_user',
    });
  }
}
