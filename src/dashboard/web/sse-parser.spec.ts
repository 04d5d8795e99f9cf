import { SseParser } from './sse-parser';

describe('SseParser', () => {
  it('parses events, multi-line data and comments, in any chunking', () => {
    const body =
      ': connected\n\nevent: plan.applied\ndata: {"a":1}\n\nevent: override\ndata: line1\ndata: line2\nid: 7\n\n';
    const expected = [
      { comment: 'connected' },
      { event: 'plan.applied', data: '{"a":1}' },
      { event: 'override', data: 'line1\nline2', id: '7' },
    ];
    for (const size of [1, 2, 5, body.length]) {
      const parser = new SseParser();
      const frames = [];
      for (let i = 0; i < body.length; i += size) frames.push(...parser.push(body.slice(i, i + size)));
      expect(frames).toEqual(expected);
    }
  });

  it('accepts CRLF and CR line ends, also with CRLF split across chunks', () => {
    const parser = new SseParser();
    const frames = [parser.push('data: x\r'), parser.push('\n\r\n'), parser.push('data: y\r\r'), parser.push(': hb\n')];
    // A trailing \r may be half of \r\n: the blank line it ends is known only with the next chunk.
    expect(frames).toEqual([
      [],
      [{ event: 'message', data: 'x' }],
      [],
      [{ event: 'message', data: 'y' }, { comment: 'hb' }],
    ]);
  });

  it('dispatches nothing for an event without data, and holds an unfinished frame', () => {
    const parser = new SseParser();
    expect(parser.push('event: lonely\n\n')).toEqual([]);
    expect(parser.push('data: half')).toEqual([]);
    expect(parser.push('\n\n')).toEqual([{ event: 'message', data: 'half' }]);
  });
});
