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
  /** The text that did not parse (entity.parse.failed). */
  body?: string;
  /** An http-errors status: set on every error the body parsers raise. */
  status?: number;
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

  answerWith(exception, req, res);
}

/** Before routing the exception filter cannot answer: the same body, written here. */
function answerWith(exception: HttpException, req: Request, res: Response): void {
  const body = toErrorBody(exception, requestIdOf(req, res));
  res.status(body.statusCode).json(body);
}

function toHttpException(error: BodyParserError): HttpException | undefined {
  switch (error?.type) {
    case 'entity.too.deep':
    case 'entity.nul.char':
    case 'entity.lone.surrogate':
      return new BadRequestException(error.message);
    case 'entity.parse.failed':
      return new BadRequestException(
        isJson(error.body) ? 'The body must be a JSON object.' : 'The body is not valid JSON.',
      );
    case 'entity.too.large':
      return new PayloadTooLargeException(
        `The body is larger than the ${Math.round((error.limit ?? 0) / 1024)} KB this endpoint takes.`,
      );
    case 'charset.unsupported':
      return new UnsupportedMediaTypeException('Send the body as UTF-8 JSON.');
    case 'encoding.unsupported':
      return new UnsupportedMediaTypeException(
        'This Content-Encoding is not taken; send the body as it is, or gzip, deflate or br.',
      );
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return new BadRequestException('The body could not be read.');
    default:
      // A body that does not decompress as its Content-Encoding says (zlib's own words stay out).
      return error?.status === 400
        ? new BadRequestException('The body could not be read; check its Content-Encoding.')
        : undefined;
  }
}

/** Only objects and arrays pass body-parser's strict mode: `null` or `"text"` is JSON all the same. */
function isJson(text: string | undefined): boolean {
  if (text === undefined) {
    return false;
  }

  try {
    JSON.parse(text);

    return true;
  } catch {
    return false;
  }
}

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * After the body parsers: a body none of them took (text/plain, a form, no Content-Type) gets
 * 415 instead of reaching validation as an empty object, with messages about missing fields.
 */
export function refuseUnparsedBody(req: Request, res: Response, next: NextFunction): void {
  // A parser that took the body read the stream to its end.
  if (req.readableEnded || !METHODS_WITH_BODY.has(req.method) || !hasBody(req)) {
    next();

    return;
  }

  answerWith(
    new UnsupportedMediaTypeException(
      'Send the body as JSON, with Content-Type: application/json.',
    ),
    req,
    res,
  );
}

function hasBody(req: Request): boolean {
  return (
    req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length']) > 0
  );
}
