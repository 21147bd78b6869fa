import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWizardSchema1796337022769 implements MigrationInterface {
  name = 'CreateWizardSchema1796337022769';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "activation_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "gym_id" uuid NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_841f31a72cda6b2c39c861dbf0c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_6de7c46d5092112c4466152e9f" ON "activation_tokens"  ("gym_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_f56ed1fa0dc5723cdc3e2c86de" ON "activation_tokens"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "gyms" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "plan_id" text NOT NULL, "owner_id" uuid NOT NULL, "owner_email" text NOT NULL, "status" text NOT NULL DEFAULT 'draft', "stripe_customer_id" text, "stripe_subscription_id" text, "checkout_session_id" text, "activated_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fe765086496cf3c8475652cddcb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_7c4fb8da79644b2e8508921db7" ON "gyms"  ("owner_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "licenses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "gym_id" uuid NOT NULL, "plan_id" text NOT NULL, "limits" jsonb NOT NULL, "status" text NOT NULL DEFAULT 'active', "valid_until" TIMESTAMP WITH TIME ZONE NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_da5021501ce80efa03de6f40086" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_749ff325e86eff09c4078f1f2f" ON "licenses"  ("gym_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "payments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "gym_id" uuid NOT NULL, "checkout_session_id" text NOT NULL, "stripe_invoice_id" text, "stripe_payment_intent_id" text, "amount" integer NOT NULL, "currency" text NOT NULL, "status" text NOT NULL, "refunded_amount" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_197ab7af18c93fbb0c9b28b4a59" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d07fb3afe59ba136b721ce6ac9" ON "payments"  ("gym_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_5bd5583f98f827657db88b8dc2" ON "payments"  ("checkout_session_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "stripe_events" ("id" text NOT NULL, "type" text NOT NULL, "created" TIMESTAMP WITH TIME ZONE NOT NULL, "livemode" boolean NOT NULL DEFAULT false, "outcome" text NOT NULL, "detail" text, "deliveries" integer NOT NULL DEFAULT '1', "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "processed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d3247bd5fc3f66b6982bbcdd897" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_245ea167606b38c1e06cf244a7" ON "stripe_events"  ("type") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_245ea167606b38c1e06cf244a7"`);
    await queryRunner.query(`DROP TABLE "stripe_events"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5bd5583f98f827657db88b8dc2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d07fb3afe59ba136b721ce6ac9"`);
    await queryRunner.query(`DROP TABLE "payments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_749ff325e86eff09c4078f1f2f"`);
    await queryRunner.query(`DROP TABLE "licenses"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7c4fb8da79644b2e8508921db7"`);
    await queryRunner.query(`DROP TABLE "gyms"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f56ed1fa0dc5723cdc3e2c86de"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6de7c46d5092112c4466152e9f"`);
    await queryRunner.query(`DROP TABLE "activation_tokens"`);
  }
}
