import { Module } from '@nestjs/common';
import { AbuseModule } from '../abuse/abuse.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { TwoFactorCoreModule } from './two-factor-core.module';
import { TwoFactorLoginController } from './two-factor-login.controller';
import { TwoFactorDisabling } from './two-factor-disabling';
import { TwoFactorEnabling } from './two-factor-enabling';
import { TwoFactorController } from './two-factor.controller';

/** SMS 2FA: POST/DELETE /me/2fa..., POST /auth/2fa/verify and /auth/2fa/resend. */
@Module({
  imports: [TwoFactorCoreModule, SessionsModule, UsersModule, AbuseModule, SecurityEventsModule],
  controllers: [TwoFactorController, TwoFactorLoginController],
  providers: [TwoFactorEnabling, TwoFactorDisabling],
})
export class TwoFactorModule {}
