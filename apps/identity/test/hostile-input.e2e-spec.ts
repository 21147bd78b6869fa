import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { DataSource } from 'typeorm';
import { newAccount, signUp } from './support/accounts';
import { describeIdentityApp, type IdentityTestApp } from './support/identity-test-app';

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  isPublic: boolean;
  fields: string[];
}

interface OpenApiOperation {
  security?: unknown[];
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const TWO_MB = 2 * 1024 * 1024;

/** Every operation Identity documents, so that endpoints added later are covered too. */
async function operationsOf(context: IdentityTestApp): Promise<Operation[]> {
  const docs = (await context.http().get('/docs-json').expect(200)).body;
  const schemas = docs.components.schemas as Record<string, { properties?: object }>;

  return Object.entries(docs.paths as Record<string, Record<string, OpenApiOperation>>).flatMap(
    ([template, byMethod]) =>
      METHODS.filter((method) => byMethod[method]).map((method) => {
        const operation = byMethod[method];
        const ref = operation.requestBody?.content?.['application/json']?.schema?.$ref;
        const schema = ref ? schemas[ref.split('/').pop() ?? ''] : undefined;

        return {
          method,
          path: template.replace(/\{[^}]+\}/g, () => randomUUID()),
          isPublic: !operation.security?.length,
          fields: Object.keys(schema?.properties ?? {}),
        };
      }),
  );
}

function nested(depth: number, open: string, close: string, core: string): string {
  return `${open.repeat(depth)}${core}${close.repeat(depth)}`;
}

/** 1,000 levels of objects, of arrays, and under each field the endpoint takes. */
function deepBodies(operation: Operation): string[] {
  const deepObject = nested(1000, '{"a":', '}', '1');
  const deepArray = nested(1000, '[', ']', '');
  const underFields = Object.fromEntries(operation.fields.map((field) => [field, '__DEEP__']));

  return [deepObject, deepArray, JSON.stringify(underFields).replace(/"__DEEP__"/g, deepObject)];
}

function send(context: IdentityTestApp, operation: Operation, body: string) {
  return context
    .http()
    [operation.method](operation.path)
    .set('content-type', 'application/json')
    .send(body);
}

/** Over node:http, so that the test alone decides the framing (length, chunks, encoding). */
async function rawPost(
  context: IdentityTestApp,
  path: string,
  body: Buffer | Readable,
  headers: Record<string, string>,
): Promise<{ status: number; body: { message?: unknown; requestId?: unknown } }> {
  const server = context.app.getHttpServer();
  if (!server.listening) {
    await context.app.listen(0, '127.0.0.1');
  }
  const { port } = server.address() as AddressInfo;

  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: '127.0.0.1', port, path, method: 'POST', headers },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString() || '{}'),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    if (Buffer.isBuffer(body)) {
      outgoing.end(body);
    } else {
      body.pipe(outgoing);
    }
  });
}

describeIdentityApp('Hostile input on every Identity endpoint', ({ test }) => {
  test('answers a 2 MB body with 413, never 500', async (context) => {
    const huge = JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(TWO_MB) });

    for (const operation of await operationsOf(context)) {
      const response = await send(context, operation, huge);

      expect(`${operation.method} ${operation.path} ${response.status}`).toBe(
        `${operation.method} ${operation.path} 413`,
      );
    }
  });

  test('answers 1,000-deep JSON with 400 on public endpoints, and never 500 anywhere', async (context) => {
    const operations = await operationsOf(context);
    expect(operations.filter((operation) => operation.isPublic).length).toBeGreaterThanOrEqual(4);

    for (const operation of operations) {
      for (const body of deepBodies(operation)) {
        const response = await send(context, operation, body);
        const seen = `${operation.method} ${operation.path} ${response.status}`;

        if (operation.isPublic && operation.method !== 'get') {
          expect(seen).toBe(`${operation.method} ${operation.path} 400`);
        } else {
          expect(response.status).toBeLessThan(500);
        }
      }
    }
  });

  test('answers bodies it cannot take with a 4xx in the error format, and changes nothing', async (context) => {
    const credentials = JSON.stringify({
      email: 'plain@gym.example.test',
      password: 'x'.repeat(12),
    });
    const post = (path: string, type: string | undefined, body: string | Buffer) => {
      const call = context.http().post(path);

      return (type ? call.set('content-type', type) : call).send(body);
    };
    const lonelySurrogate =
      '{"email":"s@gym.example.test","password":"long enough 1","name":"\\ud800"}';

    const answers = [
      await post('/auth/login', 'text/plain', credentials),
      await post('/auth/register', 'application/x-www-form-urlencoded', 'email=a%40b.test'),
      await post('/auth/login', 'application/json', 'null'),
      await post('/auth/login', 'application/json', '"hi"'),
      await post('/auth/register', 'application/json', '[]'),
      await post(
        '/auth/register',
        'application/json; charset=utf-16le',
        Buffer.from(lonelySurrogate, 'utf16le'),
      ),
      await post('/auth/register', 'application/json', lonelySurrogate),
      await context
        .http()
        .post('/auth/login')
        .set('content-type', 'application/json')
        .set('content-encoding', 'gzip')
        .send(Buffer.from(credentials)),
    ];

    expect(answers.map((answer) => [answer.status, answer.body.message])).toEqual([
      [415, 'Send the body as JSON, with Content-Type: application/json.'],
      [415, 'Send the body as JSON, with Content-Type: application/json.'],
      [400, 'The body must be a JSON object.'],
      [400, 'The body must be a JSON object.'],
      [400, 'The body must be a JSON object.'],
      [415, 'Send the body as UTF-8 JSON.'],
      [400, expect.stringMatching(/unpaired surrogate/)],
      [400, 'The body could not be read; check its Content-Encoding.'],
    ]);
    for (const answer of answers) {
      expect(answer.body.requestId).toEqual(expect.any(String));
    }
    const [users] = await context.app
      .get(DataSource)
      .query('SELECT count(*)::int AS count FROM users');
    expect(users.count).toBe(0);
  });

  test('takes gzip, deflate and br bodies sent with their compressed length', async (context) => {
    const credentials = Buffer.from(
      JSON.stringify({ email: 'nobody@gym.example.test', password: 'x'.repeat(12) }),
    );
    const encodings = {
      gzip: gzipSync(credentials),
      deflate: deflateSync(credentials),
      br: brotliCompressSync(credentials),
    };

    for (const [encoding, body] of Object.entries(encodings)) {
      const answer = await rawPost(context, '/auth/login', body, {
        'content-type': 'application/json',
        'content-encoding': encoding,
        'content-length': String(body.length),
      });

      // Read and parsed: the credentials are wrong, not the body.
      expect(`${encoding} ${answer.status}`).toBe(`${encoding} 401`);
    }
  });

  test('answers a bodiless request whatever its Content-Encoding says', async (context) => {
    await context.http().get('/health').set('content-encoding', 'zstd').expect(200);
  });

  test('answers an oversized body sent in chunks in the error format', async (context) => {
    const chunked = Readable.from([Buffer.from('{"email":"'), Buffer.alloc(300 * 1024, 0x61)]);

    const answer = await rawPost(context, '/auth/login', chunked, {
      'content-type': 'application/json',
      'transfer-encoding': 'chunked',
    });

    expect(answer.status).toBe(413);
    expect(answer.body).toEqual(
      expect.objectContaining({
        message: 'The body is larger than the 100 KB this endpoint takes.',
        requestId: expect.any(String),
      }),
    );
  });

  test('stores SQL-looking and emoji names exactly as given', async (context) => {
    const names = [
      "Robert'); DROP TABLE users;--",
      "' OR '1'='1",
      '🏋️‍♀️ Zoë Ørsted 💪',
      '名前 \u{1F600} \\ "quoted" %s ${name}',
    ];

    for (const name of names) {
      const account = await signUp(context, newAccount({ name }));

      const me = await context
        .http()
        .get('/me')
        .auth(account.accessToken, { type: 'bearer' })
        .expect(200);

      expect(me.body.name).toBe(name);
    }
    const [users] = await context.app
      .get(DataSource)
      .query('SELECT count(*)::int AS count FROM users');
    expect(users.count).toBe(names.length);
  });
});
