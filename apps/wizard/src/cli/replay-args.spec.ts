import { parseReplayArgs, UsageError } from './replay-args';

describe('parseReplayArgs', () => {
  it('reads --since', () => {
    expect(parseReplayArgs(['--since', '2026-01-01T00:00:00Z'])).toEqual({
      help: false,
      since: '2026-01-01T00:00:00Z',
    });
  });

  it('reads --since=value and --help', () => {
    expect(parseReplayArgs(['--since=2026-01-01T00:00:00Z'])).toMatchObject({ help: false });
    expect(parseReplayArgs(['-h'])).toEqual({ help: true });
  });

  it.each([[[]], [['--since']], [['--until', 'x']], [['positional']]])(
    'refuses %p with a usage error',
    (args) => {
      expect(() => parseReplayArgs(args)).toThrow(UsageError);
    },
  );
});
