import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, MaxLength } from 'class-validator';
import { trimmed } from '../../sessions/dto/trimmed';
import { EMAIL_MAX_LENGTH } from '../../users/account-rules';

export class PasswordResetRequest {
  @ApiProperty({ example: 'owner@example.com', maxLength: EMAIL_MAX_LENGTH })
  @Transform(trimmed)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(EMAIL_MAX_LENGTH)
  email: string;
}
