import { ApiProperty } from '@nestjs/swagger';
import type { TokenPair } from '../sessions.service';

export class TokenPairResponse implements TokenPair {
  @ApiProperty({ description: 'ES256 JWT; send it as "Authorization: Bearer <token>"' })
  accessToken: string;

  @ApiProperty({ description: 'Opaque; spent by POST /auth/refresh' })
  refreshToken: string;

  @ApiProperty({ example: 900, description: 'Seconds until the access token expires' })
  expiresIn: number;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';
}
