import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bodyErrorAsHttp, type BodyLimits } from '../http/body-rules';
import { withoutQueryStrings } from '../logging/redaction';
import { AppError, AppErrorKind, TooManyRequestsError } from './app-error';

const STATUS_OF: Record<AppErrorKind, HttpStatus> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthorized: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  gone: HttpStatus.GONE,
  too_many_requests: HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  requestId?: string;
}

/** Maps an error to a status and a body a person can act on; leaks nothing of a 500. */
export function toErrorBody(exception: unknown, requestId?: string): ErrorBody {
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'object' && response !== null && 'message' in response
        ? (response as { message: string | string[] }).message
        : exception.message;

    return { statusCode, error: reasonOf(statusCode), message, requestId };
  }

  if (exception instanceof AppError) {
    const statusCode = STATUS_OF[exception.kind];

    return { statusCode, error: reasonOf(statusCode), message: exception.message, requestId };
  }

  return {
    statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
    error: reasonOf(HttpStatus.INTERNAL_SERVER_ERROR),
    message: 'Something went wrong on our side; quote the request id when reporting it.',
    requestId,
  };
}

function reasonOf(status: number): string {
  const name = HttpStatus[status] as string | undefined;
  if (!name) {
    return 'Error';
  }

  return name
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  constructor(private readonly bodyLimits?: BodyLimits) {}

  catch(caught: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const response = http.getResponse<FastifyReply>();
    const requestId = request.id;
    const exception = this.inOurWords(caught, request);
    const body = toErrorBody(exception, requestId);

    if (body.statusCode >= 500) {
      this.logger.error({ err: describe(exception), requestId }, 'Request failed');
    } else {
      this.logger.debug(
        { statusCode: body.statusCode, message: loggable(body.message) },
        'Request refused',
      );
    }

    if (exception instanceof TooManyRequestsError) {
      response.header('Retry-After', String(exception.retryAfterSeconds));
    }
    response.status(body.statusCode).send(body);
  }

  /**
   * Errors raised while reading a body (too large, unreadable, a client gone) in this API's
   * words; Nest hands Fastify's own ones over wrapped in an HttpException.
   */
  private inOurWords(caught: unknown, request: FastifyRequest): unknown {
    if (!this.bodyLimits || caught === null || typeof caught !== 'object') {
      return caught;
    }

    const original = caught instanceof HttpException ? caught.cause : caught;
    if (original === null || typeof original !== 'object') {
      return caught;
    }

    return bodyErrorAsHttp(original, request, this.bodyLimits) ?? caught;
  }
}

/** The client's own URL may come back in the answer, but its query never reaches a log line. */
function loggable(message: string | string[]): string | string[] {
  return Array.isArray(message) ? message.map(withoutQueryStrings) : withoutQueryStrings(message);
}

// Only the name and message: raw SDK errors can carry credentials in their config.
function describe(exception: unknown): { name: string; message: string; stack?: string } {
  if (exception instanceof Error) {
    return {
      name: exception.name,
      message: withoutQueryStrings(exception.message),
      stack: exception.stack && withoutQueryStrings(exception.stack),
    };
  }

  return { name: 'NonError', message: withoutQueryStrings(String(exception)) };
}
