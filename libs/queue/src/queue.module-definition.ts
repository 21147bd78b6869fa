import { ConfigurableModuleBuilder } from '@nestjs/common';

import { QueueModuleOptions } from './queue-module.options';

export const {
  ConfigurableModuleClass: ConfigurableQueueModule,
  MODULE_OPTIONS_TOKEN: QUEUE_MODULE_OPTIONS,
  OPTIONS_TYPE: QUEUE_MODULE_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: QUEUE_MODULE_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<QueueModuleOptions>({ moduleName: 'Queue' })
  .setClassMethodName('forRoot')
  .setExtras({ isGlobal: false }, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
  }))
  .build();
