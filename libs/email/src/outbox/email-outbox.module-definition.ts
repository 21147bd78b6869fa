import { ConfigurableModuleBuilder } from '@nestjs/common';

import type { EmailOutboxModuleOptions } from './email-outbox.options';

export const {
  ConfigurableModuleClass: ConfigurableEmailOutboxModule,
  MODULE_OPTIONS_TOKEN: EMAIL_OUTBOX_MODULE_OPTIONS,
} = new ConfigurableModuleBuilder<EmailOutboxModuleOptions>({ moduleName: 'EmailOutbox' })
  .setClassMethodName('forRoot')
  .build();
