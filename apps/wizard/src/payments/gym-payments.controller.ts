import { ApiErrors, AuthenticatedUser, CurrentUser } from '@app/common';
import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { GymsService } from '../gyms/gyms.service';
import { Payment } from './payment.entity';
import { PaymentView } from './payment.view';

@ApiTags('payments')
@ApiBearerAuth()
@Controller('gyms/:id/payments')
export class GymPaymentsController {
  constructor(
    private readonly gyms: GymsService,
    @InjectRepository(Payment) private readonly payments: Repository<Payment>,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Payments of one of your gyms, newest first' })
  @ApiOkResponse({ type: [PaymentView] })
  @ApiErrors(400, 401, 404)
  async list(
    @CurrentUser() owner: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) gymId: string,
  ): Promise<PaymentView[]> {
    const gym = await this.gyms.findOwned(owner, gymId);
    const payments = await this.payments.find({
      where: { gymId: gym.id },
      order: { createdAt: 'DESC' },
    });

    return payments.map((payment) => PaymentView.of(payment));
  }
}
