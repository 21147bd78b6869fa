import { startDatabaseModule, type DatabaseModuleHarness } from '@app/testing';
import type { DataSource, EntityManager } from 'typeorm';
import { preparedStatement, runPrepared } from './prepared-statement';

const INSERT_NOTE = preparedStatement(
  'spec.insert_note',
  'INSERT INTO notes (id, body) VALUES ($1, $2) RETURNING id, body',
);
const RENAME_NOTE = preparedStatement(
  'spec.rename_note',
  'UPDATE notes SET body = $2 WHERE id = $1',
);

interface PoolCounts {
  totalCount: number;
  idleCount: number;
}

describe('preparedStatement', () => {
  it('takes the same name again for the same text, and refuses it for another', () => {
    expect(preparedStatement('spec.insert_note', INSERT_NOTE.text)).toEqual(INSERT_NOTE);
    expect(() => preparedStatement('spec.insert_note', 'SELECT 1')).toThrow(
      'The prepared statement "spec.insert_note" is defined twice, with different SQL',
    );
  });
});

describe('runPrepared', () => {
  let harness: DatabaseModuleHarness;
  let dataSource: DataSource;

  beforeAll(async () => {
    harness = await startDatabaseModule('prepared_statements');
    dataSource = harness.dataSource;
    await dataSource.query('CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL)');
  });

  afterAll(() => harness?.close());

  beforeEach(() => dataSource.query('DELETE FROM notes'));

  const preparedOnConnection = async (manager: EntityManager): Promise<string[]> => {
    const rows: Array<{ name: string }> = await manager.query(
      'SELECT name FROM pg_prepared_statements ORDER BY name',
    );

    return rows.map((row) => row.name);
  };

  it("prepares once on the transaction's connection and answers rows", async () => {
    const { first, second, prepared } = await dataSource.transaction(async (manager) => {
      const first = await runPrepared(manager, INSERT_NOTE, [1, 'one']);
      const second = await runPrepared(manager, INSERT_NOTE, [2, 'two']);

      return { first, second, prepared: await preparedOnConnection(manager) };
    });

    expect(first).toEqual([{ id: 1, body: 'one' }]);
    expect(second).toEqual([{ id: 2, body: 'two' }]);
    expect(prepared).toContain('spec.insert_note');
  });

  it("belongs to the transaction: a later failure rolls the statement's work back", async () => {
    const failing = dataSource.transaction(async (manager) => {
      await runPrepared(manager, INSERT_NOTE, [3, 'three']);
      await runPrepared(manager, INSERT_NOTE, [3, 'again']);
    });

    await expect(failing).rejects.toThrow(/duplicate key/);
    expect(await dataSource.query('SELECT id FROM notes')).toEqual([]);
  });

  it('borrows a connection when the manager has no transaction, and gives it back', async () => {
    await runPrepared(dataSource.manager, INSERT_NOTE, [4, 'four']);
    const answer = await runPrepared(dataSource.manager, RENAME_NOTE, [4, 'renamed']);

    expect(answer).toEqual([]);
    expect(await dataSource.query('SELECT body FROM notes WHERE id = 4')).toEqual([
      { body: 'renamed' },
    ]);
    const pool = (dataSource.driver as unknown as { master: PoolCounts }).master;
    expect(pool.totalCount).toBe(pool.idleCount);
  });
});
