import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../users/account-rules';
import { RESET_TOKEN_PATTERN } from '../reset-tokens';

/** The token alone names the account: a body with anything else (a user id...) is refused. */
export class ConfirmPasswordResetRequest {
  @ApiProperty({
    description: 'The token from the password reset link (its `token` query parameter)',
    pattern: RESET_TOKEN_PATTERN.source,
  })
  @IsString()
  @Matches(RESET_TOKEN_PATTERN, { message: 'token must be the token from the password reset link' })
  token: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'The new password. Any characters; not one of the most common passwords.',
  })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, {
    message: `password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long`,
  })
  password: string;
}
