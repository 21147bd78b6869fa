import type { EntityManager } from 'typeorm';

/**
 * The rows of an `UPDATE ... RETURNING` run through `manager.query`: for UPDATE and DELETE,
 * TypeORM's PostgreSQL driver answers `[rows, affectedCount]` instead of the rows.
 */
export async function updateReturning<Row>(
  manager: EntityManager,
  sql: string,
  parameters: unknown[],
): Promise<Row[]> {
  const [rows] = (await manager.query(sql, parameters)) as [Row[], number];

  return rows;
}
