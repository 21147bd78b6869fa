import { EntityManager, FindOptionsWhere } from 'typeorm';
import { Session, SessionEndReason } from './session.entity';

/**
 * Ends the live sessions that match; their refresh tokens stop working at once. Returns the
 * sessions ended (none when all were over already).
 */
export async function endSessions(
  manager: EntityManager,
  where: Pick<FindOptionsWhere<Session>, 'id' | 'userId'>,
  reason: SessionEndReason,
): Promise<Array<Pick<Session, 'id' | 'userId'>>> {
  const now = new Date();

  const result = await manager
    .createQueryBuilder()
    .update(Session)
    // Brought forward so that one index on expires_at finds every session to prune.
    .set({ endedAt: now, endReason: reason, expiresAt: () => 'least(expires_at, :now)' })
    .where({ ...where })
    .andWhere('ended_at IS NULL')
    .setParameters({ now })
    .returning(['id', 'userId'])
    .execute();
  const rows = result.raw as Array<{ id: string; user_id: string }>;

  return rows.map((row) => ({ id: row.id, userId: row.user_id }));
}
