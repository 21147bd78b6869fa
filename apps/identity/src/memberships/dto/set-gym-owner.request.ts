import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class SetGymOwnerRequest {
  @ApiProperty({ format: 'uuid', description: "The owner's Identity user id" })
  @IsUUID('all', { message: 'userId must be a uuid' })
  userId: string;
}
