import { ApiErrors, AuthenticatedUser, CurrentUser } from '@app/common';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AddMemberRequest } from './dto/add-member.request';
import { MemberResponse } from './dto/member.response';
import { MembershipsService } from './memberships.service';

@ApiTags('memberships')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('gyms/:gymId/members')
export class GymMembersController {
  constructor(private readonly memberships: MembershipsService) {}

  @Get()
  @ApiOperation({ summary: "The gym's members, for its owner and staff" })
  @ApiOkResponse({ type: [MemberResponse] })
  @ApiErrors(400, 403, 404)
  list(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('gymId', ParseUUIDPipe) gymId: string,
  ): Promise<MemberResponse[]> {
    return this.memberships.list(caller, gymId);
  }

  @Post()
  @ApiOperation({ summary: 'Add an existing account to the gym as staff or member (owner only)' })
  @ApiCreatedResponse({ type: MemberResponse })
  @ApiErrors(400, 403, 404, 409, 429)
  add(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('gymId', ParseUUIDPipe) gymId: string,
    @Body() body: AddMemberRequest,
  ): Promise<MemberResponse> {
    return this.memberships.add(caller, gymId, body);
  }

  @Delete(':userId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a member from the gym; they lose access at once (owner only)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(400, 403, 404, 409)
  remove(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('gymId', ParseUUIDPipe) gymId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
  ): Promise<void> {
    return this.memberships.remove(caller, gymId, userId);
  }
}
