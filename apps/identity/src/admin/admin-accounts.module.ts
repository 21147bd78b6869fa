import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { AdminAccountsService } from './admin-accounts.service';

@Module({
  imports: [UsersModule],
  providers: [AdminAccountsService],
  exports: [AdminAccountsService],
})
export class AdminAccountsModule {}
