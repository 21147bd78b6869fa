import { MigrationInterface, QueryRunner } from 'typeorm';

/** Shared by both apps: each lists it in its migrations, so both get the same table. */
export class CreateEmailOutbox1796336272589 implements MigrationInterface {
  name = 'CreateEmailOutbox1796336272589';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "email_outbox" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "template" text NOT NULL,
        "to_address" text NOT NULL,
        "data" jsonb NOT NULL,
        "idempotency_key" text NOT NULL,
        "gym_id" uuid,
        "status" text NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "timeout_retries" integer NOT NULL DEFAULT 0,
        "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "locked_until" TIMESTAMP WITH TIME ZONE,
        "last_error" text,
        "provider" text,
        "provider_message_id" text,
        "sent_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_email_outbox_id" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_email_outbox_idempotency_key" UNIQUE ("idempotency_key"),
        CONSTRAINT "CHK_email_outbox_status" CHECK (
          "status" IN ('pending', 'queued', 'sending', 'retrying', 'sent', 'failed', 'dead')
        )
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "IDX_email_outbox_status_next_attempt_at" ON "email_outbox" ("status", "next_attempt_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_email_outbox_status_next_attempt_at"`);
    await queryRunner.query(`DROP TABLE "email_outbox"`);
  }
}
