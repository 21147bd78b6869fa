import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiResponse } from '@nestjs/swagger';

export class ErrorResponse {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'Bad Request' })
  error: string;

  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    example: 'name must be a string',
  })
  message: string | string[];

  @ApiProperty({ required: false, example: '5b0c2f0e-7f8c-4b8e-9a43-6b2a1f3c9d10' })
  requestId?: string;
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'The request is invalid; the message says what to change.',
  401: 'No valid access token.',
  403: 'The caller may not do this.',
  404: 'Not found, or not yours.',
  409: 'Conflicts with the current state.',
  410: 'No longer usable.',
  413: 'The body is too large.',
  429: 'Too many attempts; wait the seconds that Retry-After gives, then try again.',
  500: 'Our fault; quote the request id.',
  503: 'A dependency is not available; retry later.',
};

/** Documents the error answers of an endpoint, all with the same body shape. */
export const ApiErrors = (...statuses: number[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status], type: ErrorResponse }),
    ),
  );
