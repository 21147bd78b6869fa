import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

export class ActivateDto {
  @ApiProperty({ description: 'The token from the activation link' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{20,128}$/, {
    message: 'token must be the token from the activation link',
  })
  token: string;
}

export class ActivationResultView {
  @ApiProperty({ format: 'uuid' })
  gymId: string;

  @ApiProperty({ enum: ['active'] })
  status: 'active';
}
