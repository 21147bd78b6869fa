import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAbuseCounters1796338640600 implements MigrationInterface {
  name = 'CreateAbuseCounters1796338640600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "abuse_counters" (
        "scope" text NOT NULL,
        "key_hash" text NOT NULL,
        "attempts" integer NOT NULL,
        "last_attempt_at" timestamptz NOT NULL,
        "next_attempt_at" timestamptz,
        "forget_at" timestamptz NOT NULL,
        CONSTRAINT "pk_abuse_counters" PRIMARY KEY ("scope", "key_hash")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_abuse_counters_forget_at" ON "abuse_counters" ("forget_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "abuse_counters"`);
  }
}
