import { ApiErrors } from '@app/common';
import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { replaySince } from '../billing/replay-since';
import { StripeEventReplay } from '../billing/stripe-event-replay';
import { PlatformAdminGuard } from './platform-admin.guard';
import { ReplayEventsDto, ReplaySummaryView } from './replay-events.dto';

@ApiTags('admin')
@ApiBearerAuth()
@ApiErrors(401, 403)
@UseGuards(PlatformAdminGuard)
@Controller('admin/stripe/events')
export class AdminStripeEventsController {
  constructor(private readonly replay: StripeEventReplay) {}

  @Post('replay')
  @HttpCode(200)
  @ApiOperation({
    summary: "Run Stripe's events from a time on through the webhook handlers (after an outage)",
    description:
      'Reads GET /v1/events from `since`, every page, and applies them oldest first; events handled before are skipped. Also `npm run stripe:replay -- --since <time>`.',
  })
  @ApiOkResponse({ type: ReplaySummaryView })
  @ApiErrors(400, 503)
  replayEvents(@Body() dto: ReplayEventsDto): Promise<ReplaySummaryView> {
    return this.replay.replaySince(replaySince(dto.since));
  }
}
