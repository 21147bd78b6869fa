import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, MaxLength } from 'class-validator';
import { trimmed } from '../../sessions/dto/trimmed';
import { EMAIL_MAX_LENGTH } from '../../users/account-rules';
import { ASSIGNABLE_GYM_ROLES, type AssignableGymRole } from '../gym-role';

export class AddMemberRequest {
  @ApiProperty({ example: 'coach@example.com', description: 'The email of an existing account' })
  @Transform(trimmed)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(EMAIL_MAX_LENGTH)
  email: string;

  @ApiProperty({ enum: ASSIGNABLE_GYM_ROLES })
  @IsIn(ASSIGNABLE_GYM_ROLES, { message: `role must be one of ${ASSIGNABLE_GYM_ROLES.join(', ')}` })
  role: AssignableGymRole;
}
