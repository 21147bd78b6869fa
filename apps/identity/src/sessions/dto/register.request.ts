import { NoControlCharacters, NoInvisibleCharacters } from '@app/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';
import {
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '../../users/account-rules';
import { trimmed } from './trimmed';

export class RegisterRequest {
  @ApiProperty({ example: 'owner@example.com', maxLength: EMAIL_MAX_LENGTH })
  @Transform(trimmed)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @NoInvisibleCharacters()
  @MaxLength(EMAIL_MAX_LENGTH)
  email: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, {
    message: `password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long`,
  })
  password: string;

  @ApiProperty({ example: 'Alex Owner', minLength: 1, maxLength: NAME_MAX_LENGTH })
  @Transform(trimmed)
  @IsString()
  @Length(1, NAME_MAX_LENGTH, {
    message: `name must be 1 to ${NAME_MAX_LENGTH} characters long (spaces around it do not count)`,
  })
  @NoControlCharacters()
  name: string;
}
