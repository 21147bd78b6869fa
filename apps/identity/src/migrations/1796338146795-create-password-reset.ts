import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePasswordReset1796338146795 implements MigrationInterface {
  name = 'CreatePasswordReset1796338146795';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "password_reset_tokens" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "token_hash" text NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz,
        "voided_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_password_reset_tokens" PRIMARY KEY ("id"),
        CONSTRAINT "fk_password_reset_tokens_user" FOREIGN KEY ("user_id")
          REFERENCES "users" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_password_reset_tokens_token_hash"
        ON "password_reset_tokens" ("token_hash")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_password_reset_tokens_live_user" ON "password_reset_tokens" ("user_id")
        WHERE "used_at" IS NULL AND "voided_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_password_reset_tokens_user_id" ON "password_reset_tokens" ("user_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "pending_password_resets" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email_normalized" text NOT NULL,
        "client_ip" text,
        "client_user_agent" text,
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" timestamptz NOT NULL DEFAULT now(),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_pending_password_resets" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_pending_password_resets_next_attempt_at"
        ON "pending_password_resets" ("next_attempt_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "pending_password_resets"`);
    await queryRunner.query(`DROP TABLE "password_reset_tokens"`);
  }
}
