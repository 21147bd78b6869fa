import { randomUUID } from 'node:crypto';
import { AppError, AuthenticatedUser, ConflictError } from '@app/common';
import { InjectPaymentsService, IPaymentsService } from '@app/payments';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { WizardConfig } from '../config/wizard-env';
import { CHECKOUT_ALLOWED } from '../gyms/gym-status';
import { Gym } from '../gyms/gym.entity';
import { GymsService } from '../gyms/gyms.service';
import { PlanCatalog } from '../plans/plan-catalog';
import { CheckoutView } from './checkout.view';

@Injectable()
export class CheckoutService {
  private readonly logger = new Logger(CheckoutService.name);

  constructor(
    @InjectPaymentsService() private readonly payments: IPaymentsService,
    @InjectRepository(Gym) private readonly gymRepository: Repository<Gym>,
    private readonly gyms: GymsService,
    private readonly plans: PlanCatalog,
    private readonly config: ConfigService<WizardConfig, true>,
  ) {}

  async start(owner: AuthenticatedUser, gymId: string): Promise<CheckoutView> {
    const gym = await this.gyms.findOwned(owner, gymId);
    if (!CHECKOUT_ALLOWED.includes(gym.status)) {
      throw new ConflictError(
        gym.status === 'canceled'
          ? 'This gym is canceled; subscribing it again is not supported yet, ask support.'
          : `This gym is already ${gym.status}; it needs no new checkout.`,
      );
    }
    if (!this.config.get('STRIPE_SECRET_KEY', { infer: true })) {
      throw new AppError('unavailable', 'Payments are not configured: set STRIPE_SECRET_KEY.');
    }

    const plan = this.plans.get(gym.planId);
    const dashboard = this.config.get('DASHBOARD_URL', { infer: true }).replace(/\/$/, '');
    const session = await this.payments
      .createCheckoutSession({
        priceId: plan.stripePriceId,
        clientReferenceId: gym.id,
        metadata: { gym_id: gym.id, plan: plan.id },
        customerEmail: gym.ownerEmail,
        successUrl: `${dashboard}/gyms/${gym.id}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
        cancelUrl: `${dashboard}/gyms/${gym.id}/checkout/canceled`,
        idempotencyKey: `checkout-${gym.id}-${randomUUID()}`,
      })
      .catch((error: unknown) => {
        this.logger.error({ gymId: gym.id, reason: (error as Error).message }, 'Checkout failed');
        throw new AppError(
          'unavailable',
          'Stripe could not start the checkout; try again shortly.',
        );
      });

    await this.gymRepository.update(
      { id: gym.id },
      { status: 'pending_payment', checkoutSessionId: session.sessionId },
    );

    return session;
  }
}
