import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Matches } from 'class-validator';

/** The six digits from the SMS; spaces typed in between are dropped. */
export const CodeField = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ example: '123456', pattern: '^[0-9]{6}$', description: 'The code from the SMS' }),
    Transform(({ value }) => (typeof value === 'string' ? value.replace(/\s+/g, '') : value)),
    IsString(),
    Matches(/^\d{6}$/, { message: 'code must be the 6 digits from the SMS' }),
  );
