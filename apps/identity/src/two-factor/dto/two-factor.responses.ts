import { ApiProperty } from '@nestjs/swagger';

export class TwoFactorRequiredResponse {
  @ApiProperty({ enum: [true] })
  twoFactorRequired: true;

  @ApiProperty({ format: 'uuid', description: 'Send it with the code to POST /auth/2fa/verify' })
  challengeId: string;

  @ApiProperty({ example: 600, description: 'Seconds until the code expires' })
  expiresIn: number;
}

export class CodeSentResponse {
  @ApiProperty({ example: '+49 ••• 89', description: 'The number the code went to, masked' })
  sentTo: string;

  @ApiProperty({ example: 600, description: 'Seconds until the code expires' })
  expiresIn: number;
}

export class TwoFactorStatusResponse {
  @ApiProperty({ example: true })
  twoFactorEnabled: boolean;

  @ApiProperty({ example: '+49 ••• 89', description: 'The verified number, masked' })
  phone: string;
}
