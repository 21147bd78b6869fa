import { ApiErrors } from '@app/common';
import { EmailOutboxAdmin } from '@app/email';
import {
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { EmailListQuery, OutboxEmailView } from './email-list.query';
import { PlatformAdminGuard } from './platform-admin.guard';

@ApiTags('admin')
@ApiBearerAuth()
@ApiErrors(401, 403)
@UseGuards(PlatformAdminGuard)
@Controller('admin/emails')
export class AdminEmailsController {
  constructor(private readonly outbox: EmailOutboxAdmin) {}

  @Get()
  @ApiOperation({ summary: 'The email outbox: what was sent, what waits, what failed' })
  @ApiOkResponse({ type: [OutboxEmailView] })
  @ApiErrors(400)
  list(@Query() query: EmailListQuery): Promise<OutboxEmailView[]> {
    return this.outbox.list(query);
  }

  @Post(':id/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a failed or dead email again' })
  @ApiAcceptedResponse({ description: 'Queued for sending' })
  @ApiErrors(400, 404, 409)
  async retry(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.outbox.retry(id);
  }
}
