import { ApiErrors, AuthenticatedUser, CurrentUser } from '@app/common';
import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GymPaymentsService } from './gym-payments.service';
import { PaymentView } from './payment.view';

@ApiTags('payments')
@ApiBearerAuth()
@Controller('gyms/:id/payments')
export class GymPaymentsController {
  constructor(private readonly payments: GymPaymentsService) {}

  @Get()
  @ApiOperation({ summary: 'Payments of one of your gyms, newest first' })
  @ApiOkResponse({ type: [PaymentView] })
  @ApiErrors(400, 401, 404)
  list(
    @CurrentUser() owner: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) gymId: string,
  ): Promise<PaymentView[]> {
    return this.payments.list(owner, gymId);
  }
}
