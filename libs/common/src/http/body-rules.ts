import { AsyncResource } from 'node:async_hooks';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import {
  BadRequestException,
  HttpException,
  PayloadTooLargeException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { guardJsonBody, JsonGuardError } from './json-guards';

export interface BodyLimits {
  /** Bytes a JSON body may have (after decompression). */
  json: number;
  /** Bytes a raw body may have, on the paths that keep their bytes (webhook signatures). */
  raw: number;
  rawPaths: readonly string[];
}

/**
 * The async context of each request whose body is read, taken before reading starts: the
 * request logger (and with it the request id on every line) lives in that context.
 */
const bodyScopes = new WeakMap<FastifyRequest, AsyncResource>();

const INFLATERS: Record<string, () => NodeJS.ReadWriteStream> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * The body rules of both services ("Input both services refuse" in the README): JSON objects in
 * UTF-8 only, through the JSON guard, within a size limit; gzip, deflate or br taken and
 * inflated; the raw bytes on webhook paths, whatever their type; anything else 415.
 */
export function installBodyRules(instance: FastifyInstance, limits: BodyLimits): void {
  const isRaw = (request: FastifyRequest): boolean => isRawPath(limits, request.url);
  const limitOf = (request: FastifyRequest): number => limitFor(limits, request.url);

  // Declared too large: refused before reading, on every method (GET bodies are not parsed).
  instance.addHook('onRequest', async (request) => {
    const declared = Number(request.headers['content-length']);
    if (declared > limitOf(request)) {
      throw tooLarge(limitOf(request));
    }
  });

  instance.addHook('preParsing', async (request, _reply, payload) => {
    bodyScopes.set(request, new AsyncResource('request-body'));

    return inflated(request, payload);
  });

  instance.removeAllContentTypeParsers();
  instance.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: Math.max(limits.json, limits.raw) },
    (request, body, done) => {
      let parsed: unknown;
      let failure: Error | null = null;
      try {
        parsed = parse(request, body as Buffer, isRaw(request), limitOf(request));
      } catch (error) {
        failure = error as Error;
      }

      // The body arrives on the socket's own context; the handler goes on in the request's.
      const scope = bodyScopes.get(request);
      if (scope) {
        scope.runInAsyncScope(() => done(failure, parsed));
      } else {
        done(failure, parsed);
      }
    },
  );
}

function parse(request: FastifyRequest, body: Buffer, raw: boolean, limit: number): unknown {
  if (body.length > limit) {
    throw tooLarge(limit);
  }
  if (raw) {
    return body;
  }

  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new UnsupportedMediaTypeException(
      'Send the body as JSON, with Content-Type: application/json.',
    );
  }
  if (body.length === 0) {
    return {};
  }

  guardBytes(body, charsetOf(type));

  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new BadRequestException('The body is not valid JSON.');
  }
  if (value === null || typeof value !== 'object') {
    throw new BadRequestException('The body must be a JSON object.');
  }

  return value;
}

function guardBytes(body: Buffer, charset: string | undefined): void {
  try {
    guardJsonBody(body, charset);
  } catch (error) {
    if (error instanceof JsonGuardError) {
      throw error.type === 'charset.unsupported'
        ? new UnsupportedMediaTypeException(error.message)
        : new BadRequestException(error.message);
    }
    throw error;
  }
}

function inflated(request: FastifyRequest, payload: Readable): Readable {
  const encoding = (request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' || !hasBody(request)) {
    return payload;
  }

  const inflater = INFLATERS[encoding];
  if (!inflater) {
    throw new UnsupportedMediaTypeException(
      'This Content-Encoding is not taken; send the body as it is, or gzip, deflate or br.',
    );
  }

  const stream = payload.pipe(inflater()) as unknown as Readable & {
    receivedEncodedLength: number;
  };
  // Fastify checks Content-Length against this: the bytes as sent, not as inflated.
  stream.receivedEncodedLength = 0;
  payload.on('data', (chunk: Buffer) => {
    stream.receivedEncodedLength += chunk.length;
  });
  payload.on('error', (error) => stream.destroy(error));

  return stream;
}

function hasBody(request: FastifyRequest): boolean {
  return (
    request.headers['transfer-encoding'] !== undefined ||
    Number(request.headers['content-length']) > 0
  );
}

/**
 * What an error raised while reading a body (Fastify's own, zlib's, a client gone mid-body)
 * becomes, in this API's words; undefined for any other error.
 */
export function bodyErrorAsHttp(
  error: { code?: unknown; statusCode?: unknown },
  request: { url?: string } | undefined,
  limits: BodyLimits,
): HttpException | undefined {
  const code = typeof error.code === 'string' ? error.code : '';
  if (code.startsWith('Z_') || code.startsWith('ERR__')) {
    // Zlib's own words stay out of the answer.
    return new BadRequestException('The body could not be read; check its Content-Encoding.');
  }

  const fromFastify = code.startsWith('FST_ERR_CTP_');
  const status = typeof error.statusCode === 'number' ? error.statusCode : undefined;
  if (!fromFastify && code !== 'ECONNRESET') {
    return undefined;
  }

  switch (status) {
    case 413:
      return tooLarge(limitFor(limits, request?.url ?? ''));
    case 415:
      return new UnsupportedMediaTypeException(
        'Send the body as JSON, with Content-Type: application/json.',
      );
    default:
      return new BadRequestException('The body could not be read.');
  }
}

function tooLarge(limit: number): PayloadTooLargeException {
  return new PayloadTooLargeException(
    `The body is larger than the ${Math.round(limit / 1024)} KB this endpoint takes.`,
  );
}

function charsetOf(type: string): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(type);

  return match?.[1];
}

function isRawPath(limits: BodyLimits, url: string): boolean {
  return limits.rawPaths.includes(pathOf(url));
}

function limitFor(limits: BodyLimits, url: string): number {
  return isRawPath(limits, url) ? limits.raw : limits.json;
}

function pathOf(url: string): string {
  const index = url.indexOf('?');

  return index === -1 ? url : url.slice(0, index);
}
