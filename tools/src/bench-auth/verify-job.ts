/** What the parent sends the bare verify child on its standard input, as one JSON document. */
export interface VerifyJob {
  credentials: Array<{ passwordHash: string; password: string }>;
  warmup: number;
  count: number;
  concurrency: number;
  maxDurationMs: number;
}

/** What the child prints on its last line, prefixed with RESULT_PREFIX. */
export interface VerifyOutcome {
  latenciesMs: number[];
  durationMs: number;
  sent: number;
  errors: number;
  errorKinds: Array<[string, number]>;
  unsent: number;
  /** CPU of the child (all its threads) during the measured phase. */
  cpuMs: number;
  threadpoolSize: string;
}

export const WARMED_UP_LINE = 'warmed-up';
export const RESULT_PREFIX = 'result ';
