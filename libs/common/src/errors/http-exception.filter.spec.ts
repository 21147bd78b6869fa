import { Logger, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { HttpExceptionFilter } from './http-exception.filter';

function hostFor(response: { statusCode?: number; body?: unknown }): ArgumentsHost {
  const res = {
    header: () => res,
    status: (code: number) => {
      response.statusCode = code;

      return res;
    },
    send: (body: unknown) => {
      response.body = body;

      return res;
    },
  };

  return {
    switchToHttp: () => ({ getRequest: () => ({ id: 'req-1' }), getResponse: () => res }),
  } as unknown as ArgumentsHost;
}

describe('HttpExceptionFilter', () => {
  afterEach(() => jest.restoreAllMocks());

  it('logs a refused request without the query its message quotes', () => {
    const debug = jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
    const answered: { statusCode?: number; body?: unknown } = {};

    new HttpExceptionFilter().catch(
      new NotFoundException('Cannot GET /activate?token=tok_secret_1'),
      hostFor(answered),
    );

    expect(answered.statusCode).toBe(404);
    expect(JSON.stringify(debug.mock.calls)).toContain('Cannot GET /activate');
    expect(JSON.stringify(debug.mock.calls)).not.toContain('tok_secret_1');
  });

  it('logs a failure without the query of a URL in its message or stack', () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);

    new HttpExceptionFilter().catch(
      new Error('request to https://api.example.test/v1/x?key=k_secret_2 failed'),
      hostFor({}),
    );

    expect(JSON.stringify(error.mock.calls)).toContain('https://api.example.test/v1/x');
    expect(JSON.stringify(error.mock.calls)).not.toContain('k_secret_2');
  });
});
