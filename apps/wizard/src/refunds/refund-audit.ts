import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { RefundAuditEntry } from './refund-audit-entry.entity';

export type RefundAuditRecord = Omit<RefundAuditEntry, 'id' | 'createdAt'>;

/** Who refunded which payment, how much, and what came of it: a row and a log line each. */
@Injectable()
export class RefundAudit {
  private readonly logger = new Logger(RefundAudit.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Pass the manager of the refund's transaction; without one the row stands on its own. */
  async record(manager: EntityManager | undefined, entry: RefundAuditRecord): Promise<void> {
    await (manager ?? this.dataSource.manager).insert(RefundAuditEntry, entry);

    this.logger.log(
      {
        paymentId: entry.paymentId,
        gymId: entry.gymId,
        source: entry.source,
        actorId: entry.actorId,
        amount: entry.amount,
        currency: entry.currency,
        outcome: entry.outcome,
        stripeRefundId: entry.stripeRefundId,
      },
      'Refund audited',
    );
  }
}
