import { ApiProperty } from '@nestjs/swagger';

export class UserResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'owner@example.com' })
  email: string;

  @ApiProperty({ example: 'Alex Owner' })
  name: string;
}

export class MeResponse extends UserResponse {
  @ApiProperty({ type: [String], example: [], description: 'Platform roles, e.g. platform_admin' })
  roles: string[];

  @ApiProperty({ example: false })
  twoFactorEnabled: boolean;
}
