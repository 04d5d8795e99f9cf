/** What a probe of the database found, in words fit for the public /health (no host, port or user). */
export interface DatabaseState {
  up: boolean;
  error?: string;
}

/** How long /health and the availability probe wait for `SELECT 1` before calling the database hung. */
export const PROBE_TIMEOUT_MS = 3000;

/** Runs `query` with a deadline; a failure is a state with its reason, never an exception. */
export async function probeDatabase(
  query: () => Promise<unknown>,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<DatabaseState> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<DatabaseState>((resolve) => {
    timer = setTimeout(
      () => resolve({ up: false, error: `the database did not answer within ${timeoutMs / 1000} s` }),
      timeoutMs,
    );
  });
  const answer = query().then(
    (): DatabaseState => ({ up: true }),
    (error: unknown): DatabaseState => ({ up: false, error: publicReason(error) }),
  );
  try {
    return await Promise.race([answer, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The kind of failure without the connection details a driver message carries (ECONNREFUSED 10.0.0.5:5432). */
function publicReason(error: unknown): string {
  const text = `${(error as { code?: string }).code ?? ''} ${(error as Error).message ?? ''}`;
  if (/ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|terminated|closed|connect/i.test(text)) {
    return 'the database is unreachable';
  }
  if (/timeout/i.test(text)) return 'the database did not answer in time';
  return 'the database refused the query';
}
