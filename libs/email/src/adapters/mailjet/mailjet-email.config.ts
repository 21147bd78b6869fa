export interface MailjetEmailConfig {
  apiKey: string;
  apiSecret: string;
  fromEmail: string;
  fromName: string;
  /** Replaces https://api.mailjet.com, e.g. a local fake: see mailjetConnection. */
  baseUrl?: string;
  /** An HTTP proxy for the calls to Mailjet. */
  proxyUrl?: string;
  timeoutMs: number;
}
