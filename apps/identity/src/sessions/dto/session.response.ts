import { ApiProperty } from '@nestjs/swagger';
import type { SessionView } from '../user-sessions.service';

export class SessionResponse implements SessionView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'When the login happened' })
  createdAt: Date;

  @ApiProperty({ description: 'The last refresh' })
  lastUsedAt: Date;

  @ApiProperty({ description: 'Fixed at login: then the session ends, however often refreshed' })
  expiresAt: Date;

  @ApiProperty({ type: String, nullable: true, example: '203.0.113.7' })
  ip: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'GymApp/2.3 (iPhone; iOS 18.1)' })
  userAgent: string | null;

  @ApiProperty({ description: 'The session of the access token that asks' })
  current: boolean;
}
