import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentitySync1796338203804 implements MigrationInterface {
  name = 'CreateIdentitySync1796338203804';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "identity_sync" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "kind" text NOT NULL,
                "gym_id" uuid NOT NULL,
                "owner_id" uuid NOT NULL,
                "status" text NOT NULL DEFAULT 'pending',
                "attempts" integer NOT NULL DEFAULT '0',
                "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "locked_until" TIMESTAMP WITH TIME ZONE,
                "last_error" text,
                "synced_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "UQ_identity_sync_kind_gym_id" UNIQUE ("kind", "gym_id"),
                CONSTRAINT "CHK_identity_sync_status" CHECK (
                    "status" IN ('pending', 'syncing', 'retrying', 'done')
                ),
                CONSTRAINT "CHK_identity_sync_kind" CHECK ("kind" IN ('owner_membership')),
                CONSTRAINT "PK_identity_sync_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_identity_sync_status_next_attempt_at" ON "identity_sync" ("status", "next_attempt_at")
        `);
    // Gyms activated before this table existed: their owners reach Identity like new ones.
    await queryRunner.query(`
            INSERT INTO "identity_sync" ("kind", "gym_id", "owner_id")
            SELECT 'owner_membership', "id", "owner_id" FROM "gyms" WHERE "activated_at" IS NOT NULL
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."IDX_identity_sync_status_next_attempt_at"
        `);
    await queryRunner.query(`
            DROP TABLE "identity_sync"
        `);
  }
}
