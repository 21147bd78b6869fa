import { EmailOutboxModule } from '@app/email';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AccountEmails } from './account-emails';
import { identityOutboxOptions } from './identity-email.options';

/**
 * Identity's email outbox (one relay and worker per process) and the emails an account gets.
 * Needs the global EmailModule and QueueModule of IdentityModule. Import this module, never
 * EmailOutboxModule again: a second copy would run a second relay.
 */
@Module({
  imports: [
    EmailOutboxModule.forRootAsync({ inject: [ConfigService], useFactory: identityOutboxOptions }),
  ],
  providers: [AccountEmails],
  exports: [AccountEmails, EmailOutboxModule],
})
export class IdentityEmailsModule {}
