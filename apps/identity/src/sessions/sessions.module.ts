import { Module } from '@nestjs/common';
import { AbuseModule } from '../abuse/abuse.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { TwoFactorCoreModule } from '../two-factor/two-factor-core.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { MySessionsController } from './my-sessions.controller';
import { MySessionsService } from './my-sessions.service';
import { RefreshTokensService } from './refresh-tokens.service';
import { RegistrationService } from './registration.service';
import { SessionsService } from './sessions.service';
import { SessionsSweeper } from './sessions.sweeper';
import { SignInLimits } from './sign-in-limits';
import { UserSessionsService } from './user-sessions.service';

@Module({
  imports: [UsersModule, AbuseModule, SecurityEventsModule, TwoFactorCoreModule],
  controllers: [AuthController, MySessionsController],
  providers: [
    SessionsService,
    RefreshTokensService,
    UserSessionsService,
    MySessionsService,
    RegistrationService,
    SignInLimits,
    SessionsSweeper,
  ],
  exports: [SessionsService, RefreshTokensService, UserSessionsService],
})
export class SessionsModule {}
