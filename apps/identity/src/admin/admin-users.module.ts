import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { SessionsModule } from '../sessions/sessions.module';
import { User } from '../users/user.entity';
import { AccountStatusService } from './account-status.service';
import { AdminUsersController } from './admin-users.controller';

/** Platform admins' HTTP routes on accounts; separate from the CLI's AdminAccountsModule. */
@Module({
  imports: [TypeOrmModule.forFeature([User]), SessionsModule, SecurityEventsModule],
  controllers: [AdminUsersController],
  providers: [AccountStatusService],
})
export class AdminUsersModule {}
