export interface TwilioSmsConfig {
  /** AC..., the account the messages are sent from. */
  accountSid: string;
  authToken: string;
  /** The sender: a Twilio number in E.164. */
  fromNumber: string;
  /** Replaces https://api.twilio.com, e.g. a local fake: see BaseUrlRequestClient. */
  apiBaseUrl?: string;
  timeoutMs: number;
}
