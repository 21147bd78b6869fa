import { maskAmqpUrl } from './mask-amqp-url';

describe('maskAmqpUrl', () => {
  it('hides the password and keeps the rest', () => {
    expect(maskAmqpUrl('amqp://app:s3cr%2Fet@127.0.0.1:5672/gym?heartbeat=10')).toBe(
      'amqp://app:***@127.0.0.1:5672/gym?heartbeat=10',
    );
  });

  it('leaves a URL without password as it is', () => {
    expect(maskAmqpUrl('amqp://127.0.0.1:5672')).toBe('amqp://127.0.0.1:5672');
  });

  it('does not echo a URL it cannot parse', () => {
    expect(maskAmqpUrl('not a url with secret')).toBe('<unparseable AMQP URL>');
  });
});
