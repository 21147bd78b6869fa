import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSessionsAndDisabledUsers1796338640599 implements MigrationInterface {
  name = 'AddSessionsAndDisabledUsers1796338640599';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "disabled_at" timestamptz`);

    await queryRunner.query(`
      CREATE TABLE "sessions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "last_used_at" timestamptz NOT NULL,
        "ended_at" timestamptz,
        "end_reason" text,
        "ip" text,
        "user_agent" text,
        CONSTRAINT "pk_sessions" PRIMARY KEY ("id"),
        CONSTRAINT "fk_sessions_user" FOREIGN KEY ("user_id")
          REFERENCES "users" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "ix_sessions_user_id" ON "sessions" ("user_id")`);
    await queryRunner.query(`CREATE INDEX "ix_sessions_expires_at" ON "sessions" ("expires_at")`);

    // A token from before sessions becomes a session of its own, under the token's id.
    await queryRunner.query(`
      INSERT INTO "sessions" ("id", "user_id", "created_at", "expires_at", "last_used_at", "ended_at")
      SELECT "id", "user_id", "created_at", least("expires_at", coalesce("revoked_at", "expires_at")),
             "created_at", "revoked_at"
      FROM "refresh_tokens"`);
    await queryRunner.query(`ALTER TABLE "refresh_tokens" ADD "session_id" uuid`);
    await queryRunner.query(`UPDATE "refresh_tokens" SET "session_id" = "id"`);
    await queryRunner.query(`ALTER TABLE "refresh_tokens" ALTER "session_id" SET NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE "refresh_tokens" ADD CONSTRAINT "fk_refresh_tokens_session"
        FOREIGN KEY ("session_id") REFERENCES "sessions" ("id") ON DELETE CASCADE`);
    await queryRunner.query(
      `CREATE INDEX "ix_refresh_tokens_session_id" ON "refresh_tokens" ("session_id")`,
    );

    await queryRunner.query(
      `ALTER TABLE "refresh_tokens" RENAME COLUMN "revoked_at" TO "spent_at"`,
    );
    await queryRunner.query(
      `ALTER TABLE "refresh_tokens" ADD "replaced_by_id" uuid, ADD "child_token_sealed" text`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_refresh_tokens_spent_at" ON "refresh_tokens" ("spent_at")`,
    );
    await queryRunner.query(`
      CREATE INDEX "ix_refresh_tokens_sealed_spent_at" ON "refresh_tokens" ("spent_at")
        WHERE "child_token_sealed" IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_refresh_tokens_sealed_spent_at"`);
    await queryRunner.query(`DROP INDEX "ix_refresh_tokens_spent_at"`);
    // Tokens of ended sessions stay refused: the older code knows only revoked_at.
    await queryRunner.query(`
      UPDATE "refresh_tokens" AS t SET "spent_at" = coalesce(t."spent_at", s."ended_at")
      FROM "sessions" AS s WHERE s."id" = t."session_id" AND s."ended_at" IS NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "refresh_tokens" DROP COLUMN "child_token_sealed", DROP COLUMN "replaced_by_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "refresh_tokens" RENAME COLUMN "spent_at" TO "revoked_at"`,
    );
    await queryRunner.query(`ALTER TABLE "refresh_tokens" DROP COLUMN "session_id"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "disabled_at"`);
  }
}
