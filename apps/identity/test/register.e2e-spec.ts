import { describeIdentityApp } from './support/identity-test-app';
import { newAccount } from './support/accounts';

const ERROR_BODY = {
  statusCode: 400,
  error: 'Bad Request',
  message: expect.anything(),
  requestId: expect.any(String),
};

describeIdentityApp('POST /auth/register', ({ test }) => {
  test('creates the account and answers 201 with id, email and name only', async ({ http }) => {
    const account = newAccount({ email: 'Owner@Register.test', name: '  Alex Owner  ' });

    const response = await http().post('/auth/register').send(account).expect(201);

    expect(response.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      email: 'Owner@Register.test',
      name: 'Alex Owner',
    });
  });

  test('answers 409 when the email exists in another case', async ({ http }) => {
    await http()
      .post('/auth/register')
      .send(newAccount({ email: 'Owner@X.test' }))
      .expect(201);

    const response = await http()
      .post('/auth/register')
      .send(newAccount({ email: 'owner@x.test' }))
      .expect(409);

    expect(response.body).toEqual(
      expect.objectContaining({ statusCode: 409, message: expect.stringContaining('exists') }),
    );
  });

  test('lets only one of two simultaneous sign-ups for one email win', async ({ http }) => {
    const email = newAccount().email;

    const statuses = await Promise.all(
      [email, email.toUpperCase()].map(async (variant) => {
        const response = await http()
          .post('/auth/register')
          .send(newAccount({ email: variant }));

        return response.status;
      }),
    );

    expect(statuses.sort()).toEqual([201, 409]);
  });

  const invalidBodies: Array<[string, Record<string, unknown>, RegExp]> = [
    ['a bad email', { email: 'not-an-email' }, /email must be a valid email address/],
    ['a short password', { password: 'short' }, /password must be 8 to 1024 characters/],
    ['a blank name', { name: '   ' }, /name must be 1 to 200 characters/],
    ['a missing name', { name: undefined }, /^name is required$/],
    [
      'an email with a zero-width space',
      { email: 'b\u200bob@gym.example.test' },
      /email must not contain invisible characters/,
    ],
    [
      'an email with a combining grapheme joiner',
      { email: 'victim\u034f@gym.example.test' },
      /email must not contain invisible characters/,
    ],
    ['a name with a control character', { name: 'Bell \u0007' }, /name must not contain control/],
    [
      'a name with a right-to-left override',
      { name: 'Alex \u202egnp.exe' },
      /name must not contain control characters or text-direction controls/,
    ],
    ['an unknown field', { isAdmin: true }, /property isAdmin should not exist/],
  ];
  for (const [problem, change, message] of invalidBodies) {
    test(`answers 400 for ${problem}, saying what is wrong`, async ({ http }) => {
      const response = await http()
        .post('/auth/register')
        .send({ ...newAccount(), ...change })
        .expect(400);

      expect(response.body).toEqual(ERROR_BODY);
      expect(String(response.body.message)).toMatch(message);
    });
  }

  test('names each missing field once, not the rules it would break', async ({ http }) => {
    const response = await http().post('/auth/register').send({}).expect(400);

    expect([...response.body.message].sort()).toEqual([
      'email is required',
      'name is required',
      'password is required',
    ]);
  });

  test('answers 400 with a JSON error for a body that is not JSON', async ({ http }) => {
    const response = await http()
      .post('/auth/register')
      .set('content-type', 'application/json')
      .send('{"email": "a@b.test", ')
      .expect(400);

    expect(response.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.stringContaining('JSON'),
      requestId: expect.any(String),
    });
  });

  test('answers 400, not 500, for a body of the wrong JSON type', async ({ http }) => {
    const response = await http()
      .post('/auth/register')
      .set('content-type', 'application/json')
      .send('["owner@x.test"]')
      .expect(400);

    expect(response.body).toEqual(ERROR_BODY);
  });
});
