/**
 * Bounded exponential back-off with jitter for retries against a platform (Zalo, Teams): the ceiling doubles each
 * attempt up to `maxMs`, and the wait falls in its upper half, so many clients refused at once do not return
 * together.
 */
export function jitteredBackoff(attempt: number, baseMs: number, maxMs: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}
