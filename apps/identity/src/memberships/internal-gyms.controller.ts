import { ApiErrors, Public } from '@app/common';
import {
  Body,
  Controller,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Put,
  UseGuards,
} from '@nestjs/common';
import { ApiHeader, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SetGymOwnerRequest } from './dto/set-gym-owner.request';
import { GymOwnersService } from './gym-owners.service';
import { INTERNAL_TOKEN_HEADER, InternalTokenGuard } from './internal-token.guard';

/** Called by the Wizard only; no user token opens it. */
@ApiTags('internal')
@ApiHeader({ name: INTERNAL_TOKEN_HEADER, required: true, description: 'INTERNAL_API_TOKEN' })
@Public()
@UseGuards(InternalTokenGuard)
@Controller('internal/gyms')
export class InternalGymsController {
  constructor(private readonly owners: GymOwnersService) {}

  @Put(':gymId/owner')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Internal (Wizard only): record the owner of an activated gym; idempotent',
  })
  @ApiNoContentResponse({ description: 'The user is the owner of the gym' })
  @ApiErrors(400, 401, 404, 409, 503)
  setOwner(
    @Param('gymId', ParseUUIDPipe) gymId: string,
    @Body() body: SetGymOwnerRequest,
  ): Promise<void> {
    return this.owners.setOwner(gymId, body.userId);
  }
}
