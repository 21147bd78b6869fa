import { ApiProperty } from '@nestjs/swagger';
import type { Payment } from '../payments/payment.entity';
import type { RefundRequest } from './refund-request.entity';

export class RefundView {
  @ApiProperty({ format: 'uuid', description: 'This refund request; the same for the same key' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  paymentId: string;

  @ApiProperty({
    enum: ['succeeded', 'pending', 'already_refunded'],
    description: 'already_refunded: Stripe had nothing left to refund; the payment says so now',
  })
  status: string;

  @ApiProperty({ example: 1500, description: 'Refunded by this request, in minor units' })
  amount: number;

  @ApiProperty({ example: 'eur' })
  currency: string;

  @ApiProperty({ nullable: true, type: String, example: 're_3Nx...' })
  stripeRefundId: string | null;

  static of(request: RefundRequest, payment: Pick<Payment, 'currency'>): RefundView {
    return {
      id: request.id,
      paymentId: request.paymentId,
      status: request.status,
      amount: request.refundedAmount ?? 0,
      currency: payment.currency,
      stripeRefundId: request.stripeRefundId,
    };
  }
}
