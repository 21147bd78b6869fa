import { AuthenticatedUser } from '@app/common';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { GymsService } from '../gyms/gyms.service';
import { Payment } from './payment.entity';
import { PaymentView } from './payment.view';

@Injectable()
export class GymPaymentsService {
  constructor(
    private readonly gyms: GymsService,
    @InjectRepository(Payment) private readonly payments: Repository<Payment>,
  ) {}

  /** The owner's view of a gym's payments, newest first; another owner's gym is a 404. */
  async list(owner: AuthenticatedUser, gymId: string): Promise<PaymentView[]> {
    const gym = await this.gyms.findOwned(owner, gymId);
    const payments = await this.payments.find({
      where: { gymId: gym.id },
      order: { createdAt: 'DESC' },
    });

    return payments.map((payment) => PaymentView.of(payment));
  }
}
