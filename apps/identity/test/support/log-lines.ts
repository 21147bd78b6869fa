import { Writable } from 'node:stream';

/** Collects the JSON log lines a service writes, parsed, for tests to search. */
export class LogLines extends Writable {
  readonly lines: string[] = [];

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }

  /** The parsed lines whose `securityEvent` is the one given. */
  securityEvents(event: string): Array<Record<string, unknown>> {
    return this.lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.securityEvent === event);
  }
}
