import { randomUUID } from 'node:crypto';
import { createTestDatabase, sleep, type TestDatabase } from '@app/testing';
import { DataSource } from 'typeorm';
import type { Gym } from '../gyms/gym.entity';
import { WIZARD_MIGRATIONS } from '../migrations';
import { WIZARD_ENTITIES } from '../wizard.entities';
import { IdentitySyncOutbox } from './identity-sync-outbox';
import { type ClaimedSync, IdentitySyncRows } from './identity-sync-rows';

const LEASE_MS = 60_000;

function dataSourceOn(url: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: WIZARD_ENTITIES,
    migrations: WIZARD_MIGRATIONS,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
  });
}

describe('identity_sync rows on PostgreSQL, as two Wizard copies see them', () => {
  let database: TestDatabase;
  let copyA: DataSource;
  let copyB: DataSource;
  let rowsA: IdentitySyncRows;
  let rowsB: IdentitySyncRows;
  const outbox = new IdentitySyncOutbox();

  beforeAll(async () => {
    database = await createTestDatabase('wizard_identity_sync');
    copyA = await dataSourceOn(database.url).initialize();
    await copyA.runMigrations({ transaction: 'each' });
    copyB = await dataSourceOn(database.url).initialize();
    rowsA = new IdentitySyncRows(copyA);
    rowsB = new IdentitySyncRows(copyB);
  });

  afterAll(async () => {
    await copyA?.destroy();
    await copyB?.destroy();
    await database?.drop();
  });

  beforeEach(async () => {
    await copyA.query('DELETE FROM identity_sync');
  });

  const activatedGym = (): Gym => ({ id: randomUUID(), ownerId: randomUUID() }) as Gym;

  const enqueueGyms = async (count: number): Promise<void> => {
    for (let index = 0; index < count; index += 1) {
      await outbox.ownerMembership(copyA.manager, activatedGym());
    }
  };

  it('keeps one row per gym however often the activation asks', async () => {
    const gym = activatedGym();

    await outbox.ownerMembership(copyA.manager, gym);
    await outbox.ownerMembership(copyB.manager, gym);

    const rows = await copyA.query('SELECT gym_id, owner_id, status FROM identity_sync');
    expect(rows).toEqual([{ gym_id: gym.id, owner_id: gym.ownerId, status: 'pending' }]);
  });

  it('never hands the same row to two copies claiming at once', async () => {
    await enqueueGyms(40);
    const claimedBy = { a: [] as ClaimedSync[], b: [] as ClaimedSync[] };

    for (let round = 0; round < 5; round += 1) {
      const [a, b] = await Promise.all([rowsA.claimDue(7, LEASE_MS), rowsB.claimDue(7, LEASE_MS)]);
      claimedBy.a.push(...a);
      claimedBy.b.push(...b);
    }

    const ids = [...claimedBy.a, ...claimedBy.b].map((sync) => sync.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(40);
    expect(claimedBy.a.length).toBeGreaterThan(0);
    expect(claimedBy.b.length).toBeGreaterThan(0);
    expect([...claimedBy.a, ...claimedBy.b].every((sync) => sync.attempts === 1)).toBe(true);
  });

  it('takes a row back when its lease ran out, and fences off the first holder', async () => {
    await enqueueGyms(1);
    const [first] = await rowsA.claimDue(10, 1);
    await sleep(10);

    const [second] = await rowsB.claimDue(10, LEASE_MS);

    expect(second).toEqual({ ...first, attempts: 2 });
    expect(await rowsA.markDone(first)).toBe(false);
    expect(await rowsB.markDone(second)).toBe(true);
    expect(await rowsA.claimDue(10, LEASE_MS)).toEqual([]);
  });

  it('holds a retrying row until its delay has passed, with the reason kept', async () => {
    await enqueueGyms(1);
    const [claimed] = await rowsA.claimDue(10, LEASE_MS);

    await rowsA.markRetrying(claimed, 300, 'Identity answered 503: down for a deploy');

    expect(await rowsB.claimDue(10, LEASE_MS)).toEqual([]);
    const [{ status, last_error }] = await copyA.query(
      'SELECT status, last_error FROM identity_sync',
    );
    expect({ status, last_error }).toEqual({
      status: 'retrying',
      last_error: 'Identity answered 503: down for a deploy',
    });
    await sleep(350);
    expect(await rowsB.claimDue(10, LEASE_MS)).toEqual([{ ...claimed, attempts: 2 }]);
  });
});
