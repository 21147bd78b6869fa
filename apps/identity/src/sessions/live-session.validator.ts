import { type AuthenticatedUser, isUuid, type SessionValidator } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * An access token is honoured only while its session lives and its user is enabled, so a
 * logout, an ended session, a detected token reuse or a disabled account take effect at once.
 */
@Injectable()
export class LiveSessionValidator implements SessionValidator {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async isLive(user: AuthenticatedUser): Promise<boolean> {
    if (!isUuid(user.sessionId) || !isUuid(user.id)) {
      return false;
    }

    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.id = $1 AND s.user_id = $2 AND s.ended_at IS NULL
         AND s.expires_at > now() AND u.disabled_at IS NULL`,
      [user.sessionId, user.id],
    );

    return rows.length > 0;
  }
}
