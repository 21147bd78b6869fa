import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

const STATUSES = ['pending', 'queued', 'sending', 'retrying', 'sent', 'failed', 'dead'] as const;

export class EmailListQuery {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: (typeof STATUSES)[number];

  @ApiPropertyOptional({ description: 'Recipient address' })
  @IsOptional()
  @IsEmail()
  to?: string;

  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class OutboxEmailView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'activation' })
  template: string;

  @ApiProperty()
  to: string;

  @ApiProperty({ enum: STATUSES })
  status: string;

  @ApiProperty()
  attempts: number;

  @ApiProperty({ nullable: true, type: String })
  lastError: string | null;
}
