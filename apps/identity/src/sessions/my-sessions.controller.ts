import { ApiErrors, AuthenticatedUser, CurrentUser } from '@app/common';
import {
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ClientOrigin, type RequestOrigin } from '../security-events/request-origin';
import { SessionResponse } from './dto/session.response';
import { MySessionsService } from './my-sessions.service';
import type { SessionView } from './user-sessions.service';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('me/sessions')
export class MySessionsController {
  constructor(private readonly sessions: MySessionsService) {}

  @Get()
  @ApiOperation({ summary: 'The live sign-in sessions of the bearer, last used first' })
  @ApiOkResponse({ type: [SessionResponse] })
  @ApiErrors(401)
  list(@CurrentUser() user: AuthenticatedUser): Promise<SessionView[]> {
    return this.sessions.list(user);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: "End one of the bearer's sessions: its refresh token stops working at once",
    description: 'Access tokens already issued for it keep working until they expire.',
  })
  @ApiNoContentResponse({ description: 'Ended, or over already' })
  @ApiErrors(400, 401, 404)
  end(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) sessionId: string,
    @ClientOrigin() origin: RequestOrigin,
  ): Promise<void> {
    return this.sessions.end(user, sessionId, origin);
  }
}
