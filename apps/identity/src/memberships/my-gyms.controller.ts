import { ApiErrors, AuthenticatedUser, CurrentUser } from '@app/common';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MyGymResponse } from './dto/my-gym.response';
import { MembershipsService } from './memberships.service';

@ApiTags('memberships')
@ApiBearerAuth()
@Controller('me/gyms')
export class MyGymsController {
  constructor(private readonly memberships: MembershipsService) {}

  @Get()
  @ApiOperation({ summary: 'The gyms the bearer belongs to, with their role in each' })
  @ApiOkResponse({ type: [MyGymResponse] })
  @ApiErrors(401)
  list(@CurrentUser() caller: AuthenticatedUser): Promise<MyGymResponse[]> {
    return this.memberships.gymsOf(caller);
  }
}
