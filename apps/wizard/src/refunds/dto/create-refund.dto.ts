import { REFUND_REASONS, type RefundReason } from '@app/payments';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Min } from 'class-validator';

export class CreateRefundDto {
  @ApiPropertyOptional({
    example: 1500,
    minimum: 1,
    description:
      'In the minor unit of the payment currency (1500 EUR is EUR 15.00, 1500 JPY is 1,500 yen). ' +
      'Absent: everything left.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  amount?: number;

  @ApiPropertyOptional({ enum: REFUND_REASONS })
  @IsOptional()
  @IsIn(REFUND_REASONS)
  reason?: RefundReason;
}
