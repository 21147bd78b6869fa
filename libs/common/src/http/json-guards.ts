/** Deeper bodies are refused before parsing: validation would recurse through every level. */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const LOWERCASE_U = 0x75;
const OPENERS = new Set([0x5b, 0x7b]);
const CLOSERS = new Set([0x5d, 0x7d]);

export class JsonGuardError extends Error {
  constructor(
    readonly type:
      'entity.too.deep' | 'entity.nul.char' | 'entity.lone.surrogate' | 'charset.unsupported',
    message: string,
  ) {
    super(message);
  }
}

/**
 * One pass over the raw bytes that refuses nesting past MAX_JSON_DEPTH, the NUL character and
 * unpaired UTF-16 surrogates (`\ud800` alone), which PostgreSQL text cannot hold as sent. The
 * bytes are read as UTF-8, so only UTF-8 is taken: in UTF-16 or UTF-7 the same characters are
 * other bytes.
 */
export function guardJsonBody(body: Buffer, charset = 'utf-8'): void {
  if (charset.toLowerCase() !== 'utf-8') {
    throw new JsonGuardError('charset.unsupported', 'Send the body as UTF-8 JSON.');
  }

  let depth = 0;
  let inString = false;

  for (let index = 0; index < body.length; index += 1) {
    const byte = body[index];

    if (inString) {
      if (byte === BACKSLASH) {
        index = afterEscape(body, index);
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

/** Checks the escape at `backslashAt` and returns the index of its last character. */
function afterEscape(body: Buffer, backslashAt: number): number {
  const unit = codeUnitAt(body, backslashAt);
  if (unit === undefined) {
    return backslashAt + 1;
  }
  if (unit === 0) {
    throw new JsonGuardError(
      'entity.nul.char',
      'Text in the body may not contain the NUL character.',
    );
  }
  if (isLowSurrogate(unit)) {
    throw loneSurrogate();
  }
  if (!isHighSurrogate(unit)) {
    return backslashAt + 5;
  }

  const next = codeUnitAt(body, backslashAt + 6);
  if (next === undefined || !isLowSurrogate(next)) {
    throw loneSurrogate();
  }

  return backslashAt + 11;
}

/** The code unit of a `\uXXXX` escape starting at `at`; undefined for any other escape. */
function codeUnitAt(body: Buffer, at: number): number | undefined {
  if (body[at] !== BACKSLASH || body[at + 1] !== LOWERCASE_U) {
    return undefined;
  }

  const hex = body.toString('latin1', at + 2, at + 6);

  return /^[0-9a-fA-F]{4}$/.test(hex) ? Number.parseInt(hex, 16) : undefined;
}

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

function loneSurrogate(): JsonGuardError {
  return new JsonGuardError(
    'entity.lone.surrogate',
    'Text in the body may not contain an unpaired surrogate (\\ud800 to \\udfff).',
  );
}
