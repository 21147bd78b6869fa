import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateGymMemberships1796337928974 implements MigrationInterface {
  name = 'CreateGymMemberships1796337928974';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "gym_memberships" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "gym_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "role" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "removed_at" timestamptz,
        CONSTRAINT "pk_gym_memberships" PRIMARY KEY ("id"),
        CONSTRAINT "ck_gym_memberships_role" CHECK ("role" IN ('owner', 'staff', 'member')),
        CONSTRAINT "fk_gym_memberships_user" FOREIGN KEY ("user_id")
          REFERENCES "users" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_gym_memberships_live" ON "gym_memberships" ("gym_id", "user_id")
        WHERE "removed_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_gym_memberships_live_owner" ON "gym_memberships" ("gym_id")
        WHERE "role" = 'owner' AND "removed_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_gym_memberships_user_id" ON "gym_memberships" ("user_id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "gym_memberships"`);
  }
}
