import { ScratchDatabase } from '../bench/scratch-database';

/** A stored account, as Identity's registration left it. */
export interface StoredCredential {
  email: string;
  passwordHash: string;
}

/** The Identity bench's database: `bench_auth_<random>`, dropped at the end. */
export class AuthBenchDatabase extends ScratchDatabase {
  constructor() {
    super('bench_auth');
  }

  /** The hashes Identity stored, so the bare verify checks exactly what a login checks. */
  storedCredentials(): Promise<StoredCredential[]> {
    return this.withClient(async (client) => {
      const { rows } = await client.query<StoredCredential>(
        'SELECT email, password_hash AS "passwordHash" FROM users',
      );

      return rows;
    });
  }

  /** Every successful login starts one session: proof that the logins did the full work. */
  sessionCount(): Promise<number> {
    return this.withClient(async (client) => {
      const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM sessions');

      return Number(rows[0].count);
    });
  }
}
