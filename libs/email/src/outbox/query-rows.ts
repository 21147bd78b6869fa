import type { EntityManager } from 'typeorm';

type UpdateAnswer<Row> = [Row[], number];

/** TypeORM answers an UPDATE on PostgreSQL with `[rows, count]`, and other statements with rows. */
export async function queryRows<Row>(
  manager: EntityManager,
  sql: string,
  parameters: unknown[],
): Promise<Row[]> {
  const answer = (await manager.query(sql, parameters)) as Row[] | UpdateAnswer<Row>;

  return isUpdateAnswer(answer) ? answer[0] : answer;
}

function isUpdateAnswer<Row>(answer: Row[] | UpdateAnswer<Row>): answer is UpdateAnswer<Row> {
  return answer.length === 2 && Array.isArray(answer[0]) && typeof answer[1] === 'number';
}
