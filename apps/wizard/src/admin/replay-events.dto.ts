import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';

export class ReplayEventsDto {
  @ApiProperty({
    example: '2026-01-01T00:00:00Z',
    description: 'Replay the events Stripe created from then on (Stripe keeps 30 days of them)',
  })
  @IsISO8601(
    { strict: true },
    { message: 'since must be an ISO 8601 time, e.g. 2026-01-01T00:00:00Z' },
  )
  since: string;
}

export class ReplayFailureView {
  @ApiProperty({ example: 'evt_1Nx...' })
  eventId: string;

  @ApiProperty({ example: 'invoice.paid' })
  type: string;

  @ApiProperty()
  reason: string;
}

export class ReplaySummaryView {
  @ApiProperty({ example: '2026-01-01T00:00:00.000Z' })
  since: string;

  @ApiProperty({ description: 'Events Stripe listed from then on' })
  listed: number;

  @ApiProperty()
  processed: number;

  @ApiProperty()
  ignored: number;

  @ApiProperty({ description: 'Handled before: skipped' })
  duplicate: number;

  @ApiProperty()
  failed: number;

  @ApiProperty({ type: [ReplayFailureView] })
  failures: ReplayFailureView[];
}
