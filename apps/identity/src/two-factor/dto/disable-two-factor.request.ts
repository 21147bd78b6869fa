import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '../../users/account-rules';

/** Proof that the account holder asks: the password, or a code from POST /me/2fa/sms/code. */
export class DisableTwoFactorRequest {
  @ApiPropertyOptional({ description: 'The account password (or send code instead)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;

  @ApiPropertyOptional({
    example: '123456',
    description: 'A code sent by POST /me/2fa/sms/code (or send password instead)',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits from the SMS' })
  code?: string;
}
