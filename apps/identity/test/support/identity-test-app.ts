import type { ServiceEnv } from '@app/common';
import type { TestDatabase } from '@app/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createIdentityApp } from '../../src/bootstrap';
import { LogLines } from './log-lines';
import { testDatabaseOrSkip } from './test-database-or-skip';
import { newSigningKeyPem } from './test-signing-key';

export interface IdentityTestApp {
  readonly app: NestFastifyApplication;
  readonly database: TestDatabase;
  readonly signingKeyPem: string;
  /** What the service logged; empty unless the suite sets LOG_LEVEL. */
  readonly logs: LogLines;
  http(): ReturnType<typeof request>;
}

export interface IdentityTestSuite {
  /** Registers a test that runs only when the suite's database is there. */
  test(name: string, body: (context: IdentityTestApp) => Promise<void>): void;
}

/** Boots the service exactly as production does, on a fresh test database, once per suite. */
export function describeIdentityApp(
  suite: string,
  define: (suite: IdentityTestSuite) => void,
  env: ServiceEnv = {},
): void {
  describe(suite, () => {
    let context: IdentityTestApp | undefined;

    beforeAll(async () => {
      // Short enough that PostgreSQL's 63-character limit keeps the random part of the name.
      const database = await testDatabaseOrSkip(
        suite.replace(/\W+/g, '_').toLowerCase().slice(0, 30),
      );
      if (!database) {
        return;
      }

      const signingKeyPem = newSigningKeyPem();
      const logs = new LogLines();
      const app = await createIdentityApp(
        {
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          DATABASE_URL: database.url,
          JWT_PRIVATE_KEY: signingKeyPem,
          ...env,
        },
        { logDestination: logs },
      ).catch(async (error: unknown) => {
        await database.drop();
        throw error;
      });
      await app.init();

      context = { app, database, signingKeyPem, logs, http: () => request(app.getHttpServer()) };
    });

    afterAll(async () => {
      await context?.app.close();
      await context?.database.drop();
    });

    define({
      test: (name, body) =>
        it(name, async () => {
          if (context) {
            await body(context);
          }
        }),
    });
  });
}
