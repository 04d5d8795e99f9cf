/**
 * Runs an idempotent database call again after a failure. Embedded PGlite behind pglite-socket 0.2.x interleaves
 * extended-protocol messages of concurrent connections (electric-sql/pglite#1046: "bind message supplies …",
 * "portal does not exist"), so a correct statement can fail once under load; a real error fails every attempt.
 */
export async function retryIdempotent<T>(work: () => Promise<T>, attempts = 3, delayMs = 25): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs * attempt));
    }
  }
}
