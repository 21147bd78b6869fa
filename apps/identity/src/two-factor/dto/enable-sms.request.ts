import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class EnableSmsRequest {
  @ApiProperty({
    example: '+49 151 23456789',
    description: 'A mobile number with its country code; stored and used as E.164',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  phone: string;
}
