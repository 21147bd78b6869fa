import { ApiProperty } from '@nestjs/swagger';
import type { PublicSigningJwk } from './signing-key';

export class PublicJwk implements PublicSigningJwk {
  @ApiProperty({ example: 'EC' })
  kty: string;

  @ApiProperty({ example: 'P-256' })
  crv: string;

  @ApiProperty({ description: 'base64url x coordinate' })
  x: string;

  @ApiProperty({ description: 'base64url y coordinate' })
  y: string;

  @ApiProperty({ description: 'RFC 7638 thumbprint; access tokens carry it as the kid header' })
  kid: string;

  @ApiProperty({ enum: ['ES256'] })
  alg: 'ES256';

  @ApiProperty({ enum: ['sig'] })
  use: 'sig';
}

export class JwksResponse {
  @ApiProperty({ type: [PublicJwk] })
  keys: PublicJwk[];
}
