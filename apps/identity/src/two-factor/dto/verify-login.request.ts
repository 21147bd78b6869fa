import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { CodeField } from './code.field';

export class VerifyLoginRequest {
  @ApiProperty({ format: 'uuid', description: 'From the answer of POST /auth/login' })
  @IsUUID('all', { message: 'challengeId must be the id from the login answer' })
  challengeId: string;

  @CodeField()
  code: string;
}
