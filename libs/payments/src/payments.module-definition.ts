import { ConfigurableModuleBuilder } from '@nestjs/common';

import type { PaymentsModuleOptions } from './payments.options';

export const {
  ConfigurableModuleClass: ConfigurablePaymentsModule,
  MODULE_OPTIONS_TOKEN: PAYMENTS_MODULE_OPTIONS,
} = new ConfigurableModuleBuilder<PaymentsModuleOptions>({ moduleName: 'Payments' })
  .setClassMethodName('forRoot')
  .build();
