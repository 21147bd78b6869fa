import type { IPaymentsService } from './payments.interface';
import type { PaymentsModuleOptions } from './payments.options';
import { StripePaymentsService } from './stripe/stripe-payments.service';

export function createPaymentsService(options: PaymentsModuleOptions): IPaymentsService {
  switch (options.provider) {
    case 'stripe':
      return new StripePaymentsService(options.stripe);
  }
}
