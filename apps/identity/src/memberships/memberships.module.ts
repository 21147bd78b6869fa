import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AbuseModule } from '../abuse/abuse.module';
import { UsersModule } from '../users/users.module';
import { GymAccess } from './gym-access';
import { GymMembersController } from './gym-members.controller';
import { GymMembership } from './gym-membership.entity';
import { GymOwnersService } from './gym-owners.service';
import { InternalGymsController } from './internal-gyms.controller';
import { InternalTokenGuard } from './internal-token.guard';
import { MembershipsService } from './memberships.service';
import { MyGymsController } from './my-gyms.controller';

@Module({
  imports: [TypeOrmModule.forFeature([GymMembership]), UsersModule, AbuseModule],
  controllers: [GymMembersController, MyGymsController, InternalGymsController],
  providers: [GymAccess, MembershipsService, GymOwnersService, InternalTokenGuard],
  exports: [GymAccess],
})
export class MembershipsModule {}
