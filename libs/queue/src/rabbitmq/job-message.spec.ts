import { Message } from 'amqplib';

import {
  REDELIVERIES_HEADER,
  decodeJobMessage,
  encodeJobBody,
  jobPublishOptions,
} from './job-message';

function message(content: Buffer, headers: Record<string, unknown> = {}): Message {
  return {
    content,
    fields: { deliveryTag: 1, redelivered: false, exchange: '', routingKey: 'q' },
    properties: { headers, messageId: 'job-1' } as Message['properties'],
  };
}

describe('job messages', () => {
  it('round-trips a job, with the redelivery count from the header', () => {
    const content = encodeJobBody({ id: 'job-1', payload: { to: 'a@example.test' } });

    expect(decodeJobMessage(message(content, { [REDELIVERIES_HEADER]: 2 }))).toEqual({
      ok: true,
      job: { id: 'job-1', payload: { to: 'a@example.test' }, redeliveries: 2 },
    });
  });

  it('counts no redelivery when the header is missing', () => {
    const decoded = decodeJobMessage(message(encodeJobBody({ id: 'job-1', payload: {} })));

    expect(decoded.ok && decoded.job.redeliveries).toBe(0);
  });

  it.each([
    ['not JSON', Buffer.from('{oops')],
    ['no id', Buffer.from(JSON.stringify({ payload: {} }))],
    ['an array payload', Buffer.from(JSON.stringify({ id: 'x', payload: [] }))],
  ])('reports a body with %s as malformed, keeping the message id', (_label, content) => {
    expect(decodeJobMessage(message(content))).toEqual({
      ok: false,
      jobId: 'job-1',
      reason: 'malformed message body',
    });
  });

  it('publishes persistent JSON with the job id as message id', () => {
    expect(jobPublishOptions('job-1')).toEqual({
      persistent: true,
      messageId: 'job-1',
      contentType: 'application/json',
      headers: { [REDELIVERIES_HEADER]: 0 },
    });
  });
});
