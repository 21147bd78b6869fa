import { Writable } from 'node:stream';

/** Collects every log line a service writes, so tests can search them. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }

  containing(text: string): string[] {
    return this.lines.filter((line) => line.includes(text));
  }
}
