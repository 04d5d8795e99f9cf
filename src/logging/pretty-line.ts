/** Fields every line has, shown in the line's head rather than as key=value. */
const HEAD_FIELDS = new Set(['time', 'level', 'context', 'msg', 'stack']);

/** One JSON log line as a readable line: time, level, [context], message, other fields as key=value, then a stack. */
export function prettyLine(json: string): string {
  const { time, level, context, msg, stack, ...rest } = JSON.parse(json) as Record<string, unknown>;
  const fields = Object.entries(rest)
    .filter(([key]) => !HEAD_FIELDS.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const head = `${String(time)} ${String(level).toUpperCase().padEnd(7)} [${String(context ?? 'app')}] ${String(msg ?? '')}`;
  return [head, ...fields].join(' ') + (typeof stack === 'string' ? '\n' + stack : '');
}
