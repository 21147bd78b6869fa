import type { DestinationStream } from 'pino';

/** The environment a service is configured from: process.env, or what a test passes. */
export type ServiceEnv = Record<string, string | undefined>;

/** What a service takes from its host besides configuration. */
export interface ServiceRuntime {
  /** Log lines go here instead of standard output. */
  logDestination?: DestinationStream;
}
