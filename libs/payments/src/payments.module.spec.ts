import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';

import {
  InjectPaymentsService,
  IPaymentsService,
  PAYMENTS_SERVICE,
  PaymentsConfigError,
  PaymentsModule,
  PaymentsModuleOptions,
} from './index';

const options: PaymentsModuleOptions = {
  provider: 'stripe',
  stripe: { secretKey: 'sk_test_module_spec', webhookSecrets: ['whsec_module_spec'] },
};

const OPTIONS_SOURCE = Symbol('OPTIONS_SOURCE');

@Module({
  providers: [{ provide: OPTIONS_SOURCE, useValue: options }],
  exports: [OPTIONS_SOURCE],
})
class OptionsSourceModule {}

@Injectable()
class Consumer {
  constructor(@InjectPaymentsService() readonly payments: IPaymentsService) {}
}

describe('PaymentsModule', () => {
  it('binds PAYMENTS_SERVICE from forRoot options', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [PaymentsModule.forRoot(options)],
      providers: [Consumer],
    }).compile();

    const payments = moduleRef.get<IPaymentsService>(PAYMENTS_SERVICE);
    expect(typeof payments.verifyWebhookEvent).toBe('function');
    expect(moduleRef.get(Consumer).payments).toBe(payments);

    await moduleRef.close();
  });

  it('binds PAYMENTS_SERVICE from forRootAsync with injected options', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        PaymentsModule.forRootAsync({
          imports: [OptionsSourceModule],
          inject: [OPTIONS_SOURCE],
          useFactory: (source: PaymentsModuleOptions) => source,
        }),
      ],
      providers: [Consumer],
    }).compile();

    expect(typeof moduleRef.get(Consumer).payments.createCheckoutSession).toBe('function');

    await moduleRef.close();
  });

  it('stops at start on bad options', async () => {
    const compiling = Test.createTestingModule({
      imports: [
        PaymentsModule.forRoot({ ...options, stripe: { ...options.stripe, secretKey: '' } }),
      ],
    }).compile();

    await expect(compiling).rejects.toThrow(PaymentsConfigError);
  });
});
