import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AbuseModule } from '../abuse/abuse.module';
import { IdentityEmailsModule } from '../emails/identity-emails.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { PasswordResetToken } from './password-reset-token.entity';
import { PasswordResetConfirmation } from './password-reset-confirmation';
import { PasswordResetController } from './password-reset.controller';
import { PasswordResetIntake } from './password-reset-intake';
import { PasswordResetLimits } from './password-reset-limits';
import { PasswordResetRequestHandler } from './password-reset-request.handler';
import { PendingPasswordReset } from './pending-password-reset.entity';
import { PendingPasswordResetProcessor } from './pending-password-reset.processor';
import { ResetTokens } from './reset-tokens';

@Module({
  imports: [
    TypeOrmModule.forFeature([PasswordResetToken, PendingPasswordReset]),
    UsersModule,
    IdentityEmailsModule,
    SessionsModule,
    AbuseModule,
    SecurityEventsModule,
  ],
  controllers: [PasswordResetController],
  providers: [
    ResetTokens,
    PasswordResetLimits,
    PasswordResetRequestHandler,
    PendingPasswordResetProcessor,
    PasswordResetIntake,
    PasswordResetConfirmation,
  ],
})
export class PasswordResetModule {}
