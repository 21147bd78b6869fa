import {
  createTestDatabase,
  integrationRequired,
  isPostgresReachable,
  type TestDatabase,
} from '@app/testing';

/**
 * A database of this suite's own on the machine's PostgreSQL. When the server is down the
 * suite is skipped, unless REQUIRE_INTEGRATION=1 (CI), where it fails with the reason.
 */
export async function testDatabaseOrSkip(suite: string): Promise<TestDatabase | undefined> {
  if (await isPostgresReachable()) {
    return createTestDatabase(`identity_${suite}`);
  }

  const reason = `the test PostgreSQL (127.0.0.1:5432 or TEST_DATABASE_URL) is unreachable`;
  if (integrationRequired()) {
    throw new Error(`${suite}: ${reason}, and REQUIRE_INTEGRATION=1 asks for it.`);
  }
  process.stderr.write(`Skipping the ${suite} suite: ${reason}.\n`);

  return undefined;
}
