import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';

/**
 * twilio 6 always builds absolute https://{product}.twilio.com URLs and has no base URL
 * option. Its documented seam is the `httpClient` option: this RequestClient is the SDK's own
 * (same serialisation, auth header, timeouts, error answers), but sends each request to
 * `baseUrl` + the path and query Twilio would have used. Keep http base URLs for local fakes:
 * the auth token travels in the Authorization header.
 */
export class BaseUrlRequestClient extends twilio.RequestClient {
  private readonly base: URL;

  constructor(baseUrl: string, options?: RequestClient.RequestClientOptions) {
    super(options);
    this.base = parseBaseUrl(baseUrl);
  }

  override request<TData>(options: RequestClient.RequestOptions<TData>) {
    return super.request<TData>({ ...options, uri: this.rebase(options.uri) });
  }

  private rebase(uri: string): string {
    const original = new URL(uri);
    const prefix = this.base.pathname.replace(/\/+$/, '');

    return `${this.base.origin}${prefix}${original.pathname}${original.search}`;
  }
}

function parseBaseUrl(value: string): URL {
  // The message names the option, never the value: a URL can hold credentials.
  if (!URL.canParse(value)) {
    throw new Error('Twilio apiBaseUrl is not a valid URL');
  }

  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error('Twilio apiBaseUrl must be an http or https URL');
  }

  return url;
}
