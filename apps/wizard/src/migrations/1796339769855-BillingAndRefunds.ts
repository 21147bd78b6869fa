import { MigrationInterface, QueryRunner } from 'typeorm';

export class BillingAndRefunds1796339769855 implements MigrationInterface {
  name = 'BillingAndRefunds1796339769855';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "stripe_object_clocks" ("object_id" text NOT NULL, "aspect" text NOT NULL, "event_created" TIMESTAMP WITH TIME ZONE NOT NULL, "event_id" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b68a2b91e05a7d6d054ba2695ed" PRIMARY KEY ("object_id", "aspect"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "refund_audit_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "payment_id" uuid NOT NULL, "gym_id" uuid NOT NULL, "source" text NOT NULL, "actor_id" uuid, "actor_email" text, "amount" integer, "currency" text NOT NULL, "outcome" text NOT NULL, "detail" text, "stripe_refund_id" text, "idempotency_key" text, "stripe_event_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_71e829a79324b6db8b800f304cd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_bf85260e7fd7de7fab89d6d55e" ON "refund_audit_log"  ("payment_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_6177b6559e1b4852f91e8b140d" ON "refund_audit_log"  ("gym_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "refund_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "idempotency_key" text NOT NULL, "fingerprint" text NOT NULL, "payment_id" uuid NOT NULL, "gym_id" uuid NOT NULL, "requested_by" uuid NOT NULL, "requested_amount" integer, "reason" text, "status" text NOT NULL, "stripe_refund_id" text, "refunded_amount" integer, "failure_status" integer, "failure_message" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_00c88ecd40a63abe92a3dc69897" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_16af2e958005f9dc906d43e948" ON "refund_requests"  ("idempotency_key") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_6cffffc4e01e1e212c3538f40e" ON "refund_requests"  ("payment_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8b8f5bfdce8a2a73dd1ae1e8df" ON "refund_requests"  ("gym_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_b43b865d532d5ad00269fe7e37" ON "refund_requests"  ("stripe_refund_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "licenses" ADD "cancel_at_period_end" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(`ALTER TABLE "payments" ADD "stripe_charge_id" text`);
    await queryRunner.query(`ALTER TABLE "payments" ADD "disputed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "payments" ADD "stripe_dispute_id" text`);
    await queryRunner.query(
      `ALTER TABLE "payments" ALTER COLUMN "checkout_session_id" DROP NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_94c6e6376625bc6710d7dbb4b6" ON "payments"  ("stripe_payment_intent_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_5c872c09b4966e5a3d9d777486" ON "payments"  ("stripe_charge_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_9d76e9ee36e9e15574c4df636c" ON "payments"  ("gym_id", "stripe_invoice_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_9d76e9ee36e9e15574c4df636c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5c872c09b4966e5a3d9d777486"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_94c6e6376625bc6710d7dbb4b6"`);
    await queryRunner.query(
      `ALTER TABLE "payments" ALTER COLUMN "checkout_session_id" SET NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "payments" DROP COLUMN "stripe_dispute_id"`);
    await queryRunner.query(`ALTER TABLE "payments" DROP COLUMN "disputed_at"`);
    await queryRunner.query(`ALTER TABLE "payments" DROP COLUMN "stripe_charge_id"`);
    await queryRunner.query(`ALTER TABLE "licenses" DROP COLUMN "cancel_at_period_end"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b43b865d532d5ad00269fe7e37"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8b8f5bfdce8a2a73dd1ae1e8df"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6cffffc4e01e1e212c3538f40e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_16af2e958005f9dc906d43e948"`);
    await queryRunner.query(`DROP TABLE "refund_requests"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6177b6559e1b4852f91e8b140d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bf85260e7fd7de7fab89d6d55e"`);
    await queryRunner.query(`DROP TABLE "refund_audit_log"`);
    await queryRunner.query(`DROP TABLE "stripe_object_clocks"`);
  }
}
