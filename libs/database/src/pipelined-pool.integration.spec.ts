import { startDatabaseModule, type DatabaseModuleHarness } from '@app/testing';
import type { DataSource } from 'typeorm';

const SETUP_SQL = 'CREATE TABLE pipelined (n integer PRIMARY KEY)';

describe('DatabaseModule pool: statements started together in one transaction', () => {
  let harness: DatabaseModuleHarness;
  let dataSource: DataSource;

  beforeAll(async () => {
    harness = await startDatabaseModule('pipelined_pool');
    dataSource = harness.dataSource;
    await dataSource.query(SETUP_SQL);
  });

  afterAll(() => harness?.close());

  beforeEach(() => dataSource.query('DELETE FROM pipelined'));

  const insert = (manager: DataSource['manager'], n: number) =>
    manager.query('INSERT INTO pipelined (n) VALUES ($1)', [n]);

  it('go out on a pipelined connection and run in the order they were started', async () => {
    const order = await dataSource.transaction(async (manager) => {
      const connection = (await manager.queryRunner!.connect()) as { pipeline?: boolean };
      expect(connection.pipeline).toBe(true);

      const started = [1, 2, 3].map((n) =>
        manager.query('SELECT $1::int AS n, clock_timestamp() AS at', [n]),
      );
      const rows = (await Promise.all(started)) as Array<Array<{ n: number; at: Date }>>;

      return rows.map(([row]) => row);
    });

    expect(order.map((row) => row.n)).toEqual([1, 2, 3]);
    expect(order[0].at.getTime()).toBeLessThanOrEqual(order[2].at.getTime());
  });

  it('rolls back all of them when one fails, and the connection serves the next one', async () => {
    const failed = dataSource.transaction((manager) =>
      Promise.all([insert(manager, 1), insert(manager, 1), insert(manager, 2)]),
    );

    await expect(failed).rejects.toThrow(/duplicate key/);
    expect(await dataSource.query('SELECT n FROM pipelined')).toEqual([]);

    await dataSource.transaction((manager) =>
      Promise.all([insert(manager, 3), insert(manager, 4)]),
    );
    expect(await dataSource.query('SELECT n FROM pipelined ORDER BY n')).toEqual([
      { n: 3 },
      { n: 4 },
    ]);
  });
});
