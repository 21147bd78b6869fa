import {
  BadRequestException,
  HttpException,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { toErrorBody } from '../errors/http-exception.filter';
import { requestIdOf } from '../logging/logging.module';

interface BodyParserError {
  type?: string;
  limit?: number;
  message?: string;
}

/**
 * Body parsers fail before Nest routes the request, so their errors never reach the exception
 * filter; this gives them the same JSON shape, and a clear message.
 */
export function bodyParserErrors(
  error: unknown,
  req: Request,
  res: Response,
  next: NextFunction,
): void {
  const exception = toHttpException(error as BodyParserError);
  if (!exception) {
    next(error);

    return;
  }

  const body = toErrorBody(exception, requestIdOf(req, res));
  res.status(body.statusCode).json(body);
}

function toHttpException(error: BodyParserError): HttpException | undefined {
  switch (error?.type) {
    case 'entity.too.deep':
    case 'entity.nul.char':
      return new BadRequestException(error.message);
    case 'entity.parse.failed':
      return new BadRequestException('The body is not valid JSON.');
    case 'entity.too.large':
      return new PayloadTooLargeException(
        `The body is larger than the ${Math.round((error.limit ?? 0) / 1024)} KB this endpoint takes.`,
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new UnsupportedMediaTypeException('Send the body as UTF-8 JSON.');
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return new BadRequestException('The body could not be read.');
    default:
      return undefined;
  }
}
