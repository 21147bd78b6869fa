import { Module } from '@nestjs/common';

import { PAYMENTS_MODULE_OPTIONS, ConfigurablePaymentsModule } from './payments.module-definition';
import { PAYMENTS_SERVICE } from './payments.interface';
import type { PaymentsModuleOptions } from './payments.options';
import { createPaymentsService } from './payments-service.factory';

/** `forRoot(options)` or `forRootAsync({ useFactory, inject })`; exports PAYMENTS_SERVICE only. */
@Module({
  providers: [
    {
      provide: PAYMENTS_SERVICE,
      inject: [PAYMENTS_MODULE_OPTIONS],
      useFactory: (options: PaymentsModuleOptions) => createPaymentsService(options),
    },
  ],
  exports: [PAYMENTS_SERVICE],
})
export class PaymentsModule extends ConfigurablePaymentsModule {}
