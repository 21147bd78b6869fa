import type Mailjet from 'node-mailjet';

type MailjetClientOptions = NonNullable<ConstructorParameters<typeof Mailjet>[0]['options']>;
type MailjetProxy = NonNullable<MailjetClientOptions['proxy']>;

/** Where node-mailjet sends its requests: its `config.host` and its `options.proxy`. */
export interface MailjetConnection {
  host?: string;
  proxy?: MailjetProxy;
}

/**
 * node-mailjet always builds `https://{host}/{version}/...` and has no protocol option.
 * An https base URL therefore becomes the SDK's `host` (a path prefix included).
 * A plain-http base URL (a local fake or mock) is reached through the SDK's `proxy` option:
 * axios then sends each request in plain HTTP to that address, with the absolute
 * `https://{host}/...` URL as its target, so the server sees the usual `/v3.1/send` path.
 * The API key travels unencrypted on that hop, so keep http base URLs for local fakes.
 */
export function mailjetConnection(baseUrl?: string, proxyUrl?: string): MailjetConnection {
  const proxy = proxyUrl === undefined ? undefined : toProxy(parseUrl(proxyUrl, 'proxyUrl'));
  if (baseUrl === undefined) {
    return { proxy };
  }

  const base = parseUrl(baseUrl, 'baseUrl');
  const host = base.host + base.pathname.replace(/\/+$/, '');
  if (base.protocol === 'https:') {
    return { host, proxy };
  }

  if (proxy) {
    throw new Error('Mailjet proxyUrl cannot be combined with an http baseUrl');
  }

  return { host, proxy: toProxy(base) };
}

function parseUrl(value: string, option: string): URL {
  // The message names the option, never the value: a proxy URL can hold a password.
  if (!URL.canParse(value)) {
    throw new Error(`Mailjet ${option} is not a valid URL`);
  }

  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`Mailjet ${option} must be an http or https URL`);
  }

  return url;
}

function toProxy(url: URL): MailjetProxy {
  const defaultPort = url.protocol === 'https:' ? 443 : 80;
  const proxy: MailjetProxy = {
    protocol: url.protocol.replace(':', ''),
    host: url.hostname,
    port: url.port === '' ? defaultPort : Number(url.port),
  };
  if (url.username !== '') {
    proxy.auth = {
      username: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
    };
  }

  return proxy;
}
