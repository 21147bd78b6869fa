import { ApiErrors, AuthenticatedUser, CurrentUser, RequireRole } from '@app/common';
import { Controller, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ClientOrigin, type RequestOrigin } from '../security-events/request-origin';
import { AccountStatusService } from './account-status.service';
import { PLATFORM_ADMIN } from './admin-accounts.service';

@ApiTags('admin')
@ApiBearerAuth()
@RequireRole(PLATFORM_ADMIN)
@Controller('admin/users/:id')
export class AdminUsersController {
  constructor(private readonly accounts: AccountStatusService) {}

  @Post('disable')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Disable an account: no login, refresh or /me, and every session ends now',
    description: 'Access tokens already issued keep working at other services until they expire.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Disabled (also when it was already)' })
  @ApiErrors(400, 401, 403, 404)
  disable(
    @Param('id', new ParseUUIDPipe()) userId: string,
    @CurrentUser() admin: AuthenticatedUser,
    @ClientOrigin() origin: RequestOrigin,
  ): Promise<void> {
    return this.accounts.disable(userId, admin, origin);
  }

  @Post('enable')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Enable a disabled account again; its owner logs in anew' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Enabled (also when it was already)' })
  @ApiErrors(400, 401, 403, 404)
  enable(
    @Param('id', new ParseUUIDPipe()) userId: string,
    @CurrentUser() admin: AuthenticatedUser,
    @ClientOrigin() origin: RequestOrigin,
  ): Promise<void> {
    return this.accounts.enable(userId, admin, origin);
  }
}
