import { randomBytes } from 'node:crypto';

/** A Twilio REST error body, as the Messages API sends with a 4xx or 5xx. */
export function twilioErrorAnswer(code: number, status: number, message: string) {
  return {
    code,
    message,
    more_info: `https://www.twilio.com/docs/errors/${code}`,
    status,
  };
}

/** What Twilio answers (201) to an accepted Messages.json POST. */
export function twilioMessageAnswer(accountSid: string, form: URLSearchParams) {
  const sid = `SM${randomBytes(16).toString('hex')}`;
  const now = new Date().toUTCString();

  return {
    account_sid: accountSid,
    api_version: '2010-04-01',
    body: form.get('Body') ?? '',
    date_created: now,
    date_sent: null,
    date_updated: now,
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: form.get('From'),
    messaging_service_sid: null,
    num_media: '0',
    num_segments: '1',
    price: null,
    price_unit: 'USD',
    sid,
    status: 'queued',
    subresource_uris: {},
    to: form.get('To'),
    uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
  };
}

/** What Twilio answers to GET /2010-04-01/Accounts/{sid}.json. */
export function twilioAccountAnswer(accountSid: string) {
  return {
    sid: accountSid,
    friendly_name: 'fake-twilio',
    status: 'active',
    type: 'Full',
    uri: `/2010-04-01/Accounts/${accountSid}.json`,
  };
}
