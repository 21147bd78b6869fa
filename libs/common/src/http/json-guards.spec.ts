import { guardJsonBody, JsonGuardError, MAX_JSON_DEPTH } from './json-guards';

const guard = (text: string) => () => guardJsonBody(Buffer.from(text));

function failureOf(text: string): string | undefined {
  try {
    guard(text)();
  } catch (error) {
    expect(error).toBeInstanceOf(JsonGuardError);

    return (error as JsonGuardError).type;
  }

  return undefined;
}

describe('guardJsonBody', () => {
  it('lets ordinary bodies through, brackets inside strings included', () => {
    expect(failureOf('{"name":"[[[{{{ Gym ]]]","tags":[1,[2,[3]]]}')).toBeUndefined();
    expect(failureOf(`{"a":"${'['.repeat(500)}"}`)).toBeUndefined();
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH}`, () => {
    const deep = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`;

    expect(failureOf(deep(MAX_JSON_DEPTH))).toBeUndefined();
    expect(failureOf(deep(MAX_JSON_DEPTH + 1))).toBe('entity.too.deep');
    expect(failureOf(`{"a":${deep(10_000)}}`)).toBe('entity.too.deep');
  });

  it('refuses the NUL character, but not an escaped backslash followed by u0000', () => {
    expect(failureOf('{"name":"a\\u0000b"}')).toBe('entity.nul.char');
    expect(failureOf('{"name":"a\\\\u0000b"}')).toBeUndefined();
    expect(failureOf('{"name":"tab\\there \\"quoted\\""}')).toBeUndefined();
  });

  it('refuses unpaired surrogates and lets escaped pairs and raw emoji through', () => {
    expect(failureOf('{"name":"\\ud83d\\ude00 and 😀"}')).toBeUndefined();
    expect(failureOf('{"name":"\\uD83D\\uDE00"}')).toBeUndefined();
    expect(failureOf('{"name":"\\ud800"}')).toBe('entity.lone.surrogate');
    expect(failureOf('{"name":"\\udc00x"}')).toBe('entity.lone.surrogate');
    expect(failureOf('{"name":"\\ud83d\\u0041"}')).toBe('entity.lone.surrogate');
    expect(failureOf('{"name":"\\ud83d"}')).toBe('entity.lone.surrogate');
  });

  it('takes UTF-8 only: in another charset the bytes it checks mean something else', () => {
    const body = Buffer.from('{"name":"x"}');
    const inCharset = (charset: string) => () => guardJsonBody(body, charset);

    expect(inCharset('utf-8')).not.toThrow();
    expect(inCharset('UTF-8')).not.toThrow();
    for (const charset of ['utf-16le', 'utf-7', 'utf-32']) {
      expect(inCharset(charset)).toThrow(expect.objectContaining({ type: 'charset.unsupported' }));
    }
  });
});
