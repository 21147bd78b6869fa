import type { IncomingMessage } from 'node:http';

/** Deeper bodies are refused before parsing: validation would recurse through every level. */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]);
const CLOSERS = new Set([0x5d, 0x7d]);

export class JsonGuardError extends Error {
  constructor(
    readonly type: 'entity.too.deep' | 'entity.nul.char',
    message: string,
  ) {
    super(message);
  }
}

/**
 * The body parser's `verify` hook: one pass over the raw bytes that refuses nesting past
 * MAX_JSON_DEPTH and the NUL character (PostgreSQL text cannot hold it).
 */
export function guardJsonBody(_req: IncomingMessage, _res: unknown, body: Buffer): void {
  let depth = 0;
  let inString = false;

  for (let index = 0; index < body.length; index += 1) {
    const byte = body[index];

    if (inString) {
      if (byte === BACKSLASH) {
        assertNotNulEscape(body, index);
        index += 1;
      } else if (byte === QUOTE) {
        inString = false;
      }
    } else if (byte === QUOTE) {
      inString = true;
    } else if (OPENERS.has(byte)) {
      depth += 1;
      if (depth > MAX_JSON_DEPTH) {
        throw new JsonGuardError(
          'entity.too.deep',
          `The body nests deeper than ${MAX_JSON_DEPTH} levels.`,
        );
      }
    } else if (CLOSERS.has(byte)) {
      depth -= 1;
    }
  }
}

function assertNotNulEscape(body: Buffer, backslashAt: number): void {
  if (body.toString('latin1', backslashAt + 1, backslashAt + 6) === 'u0000') {
    throw new JsonGuardError(
      'entity.nul.char',
      'Text in the body may not contain the NUL character.',
    );
  }
}
