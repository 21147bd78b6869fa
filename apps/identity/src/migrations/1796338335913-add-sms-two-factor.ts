import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSmsTwoFactor1796338335913 implements MigrationInterface {
  name = 'AddSmsTwoFactor1796338335913';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "two_factor_phone" text`);

    await queryRunner.query(`
      CREATE TABLE "two_factor_challenges" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "purpose" text NOT NULL,
        "phone" text NOT NULL,
        "code_hash" text NOT NULL,
        "attempts" integer NOT NULL DEFAULT 0,
        "send_count" integer NOT NULL DEFAULT 1,
        "last_sent_at" timestamptz NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "ended_at" timestamptz,
        "end_reason" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_two_factor_challenges" PRIMARY KEY ("id"),
        CONSTRAINT "ck_two_factor_challenges_purpose"
          CHECK ("purpose" IN ('enable', 'login', 'disable')),
        CONSTRAINT "fk_two_factor_challenges_user" FOREIGN KEY ("user_id")
          REFERENCES "users" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_two_factor_challenges_user_purpose" ON "two_factor_challenges" ("user_id", "purpose")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_two_factor_challenges_expires_at" ON "two_factor_challenges" ("expires_at")`,
    );

    await queryRunner.query(`
      CREATE TABLE "two_factor_counters" (
        "scope" text NOT NULL,
        "key" text NOT NULL,
        "day" date NOT NULL,
        "count" integer NOT NULL,
        CONSTRAINT "pk_two_factor_counters" PRIMARY KEY ("scope", "key", "day")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_two_factor_counters_day" ON "two_factor_counters" ("day")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "two_factor_counters"`);
    await queryRunner.query(`DROP TABLE "two_factor_challenges"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "two_factor_phone"`);
  }
}
