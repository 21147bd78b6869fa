import { NoControlCharacters } from '@app/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class CreateGymDto {
  @ApiProperty({ example: 'Iron Temple Berlin', maxLength: 120 })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  @NoControlCharacters()
  name: string;

  @ApiProperty({ example: 'studio_monthly', description: 'One of the ids from GET /plans' })
  @IsString()
  @Matches(/^[a-z0-9_]{1,64}$/, { message: 'planId must be a plan id from GET /plans' })
  planId: string;
}
