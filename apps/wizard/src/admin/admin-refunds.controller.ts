import { ApiErrors, type AuthenticatedUser, CurrentUser } from '@app/common';
import { Body, Controller, Headers, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CreateRefundDto } from '../refunds/dto/create-refund.dto';
import { RefundService } from '../refunds/refund.service';
import { RefundView } from '../refunds/refund.view';
import { PlatformAdminGuard } from './platform-admin.guard';

@ApiTags('admin')
@ApiBearerAuth()
@ApiErrors(401, 403)
@UseGuards(PlatformAdminGuard)
@Controller('admin/payments')
export class AdminRefundsController {
  constructor(private readonly refunds: RefundService) {}

  @Post(':id/refunds')
  @ApiOperation({
    summary: 'Refund a payment, in full or in part, through Stripe',
    description:
      'The same Idempotency-Key gives the same answer and makes one refund at Stripe; the key is passed on to Stripe. 409: disputed, refunded in full, or the key was used for another request.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: 'A new random key (a uuid) per refund; the same one to retry it',
  })
  @ApiCreatedResponse({ type: RefundView })
  @ApiErrors(400, 404, 409, 503)
  refund(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) paymentId: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() dto: CreateRefundDto,
  ): Promise<RefundView> {
    return this.refunds.refund({ admin, paymentId, idempotencyKey, ...dto });
  }
}
