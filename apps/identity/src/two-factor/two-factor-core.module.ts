import { SmsModule } from '@app/sms';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { IdentityConfig } from '../config/identity-env';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { CodeSender } from './code-sender';
import { DailyCounters } from './daily-counters';
import { LoginSecondFactor } from './login-second-factor';
import { PhonePolicy } from './phone-policy';
import { smsOptions } from './sms-options';
import { SmsSendCaps } from './sms-send-caps';
import { TwoFactorChallenge } from './two-factor-challenge.entity';
import { TwoFactorChallenges } from './two-factor-challenges';
import { TwoFactorCounter } from './two-factor-counter.entity';
import { CodeSpending } from './code-spending';
import { TwoFactorSettings } from './two-factor.settings';
import { TwoFactorSweeper } from './two-factor.sweeper';
import { VerificationCodes } from './verification-codes';

/**
 * Codes, caps and SMS, with no dependency on sessions: SessionsModule imports this for the
 * login step, and TwoFactorModule (the endpoints) imports both.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([TwoFactorChallenge, TwoFactorCounter]),
    SecurityEventsModule,
    SmsModule.forRootAsync({
      inject: [ConfigService],
      useFactory: smsOptions,
    }),
  ],
  providers: [
    {
      provide: TwoFactorSettings,
      inject: [ConfigService],
      useFactory: (config: ConfigService<IdentityConfig, true>) => new TwoFactorSettings(config),
    },
    VerificationCodes,
    DailyCounters,
    SmsSendCaps,
    CodeSender,
    PhonePolicy,
    TwoFactorChallenges,
    CodeSpending,
    LoginSecondFactor,
    TwoFactorSweeper,
  ],
  exports: [LoginSecondFactor, TwoFactorChallenges, PhonePolicy, CodeSpending],
})
export class TwoFactorCoreModule {}
