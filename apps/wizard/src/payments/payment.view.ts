import { ApiProperty } from '@nestjs/swagger';
import type { Payment } from './payment.entity';

export class PaymentView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 4900, description: 'In the minor unit of the currency' })
  amount: number;

  @ApiProperty({ example: 'eur' })
  currency: string;

  @ApiProperty({ enum: ['pending', 'paid', 'failed', 'partially_refunded', 'refunded'] })
  status: string;

  @ApiProperty({ example: 0 })
  refundedAmount: number;

  @ApiProperty({ description: 'The card holder disputed it; it cannot be refunded' })
  disputed: boolean;

  @ApiProperty()
  createdAt: string;

  static of(payment: Payment): PaymentView {
    return {
      id: payment.id,
      amount: payment.amount,
      currency: payment.currency,
      status: payment.status,
      refundedAmount: payment.refundedAmount,
      disputed: payment.disputedAt !== null,
      createdAt: payment.createdAt.toISOString(),
    };
  }
}
