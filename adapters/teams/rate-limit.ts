/**
 * Sliding-window limits, as Teams documents them per bot and conversation ("subject to change"): 7 sends a
 * second, 8 in 2 s, 60 in 30 s, 1,800 an hour. `take()` waits until one more send fits in every window.
 */
export interface RateWindow {
  limit: number;
  ms: number;
}

export const TEAMS_PER_CONVERSATION: readonly RateWindow[] = [
  { limit: 7, ms: 1_000 },
  { limit: 8, ms: 2_000 },
  { limit: 60, ms: 30_000 },
  { limit: 1_800, ms: 3_600_000 },
];

/**
 * All conversations of the bot in one tenant together: 50 a second in the current docs, counted by Teams when the
 * sends arrive. Sends leave one every 25 ms (at most 40 a second): a burst of 50 let through at once arrives spread
 * over the network's latency and, with the next burst, landed 66 in one second in the digest benchmark.
 */
export const TEAMS_PER_TENANT: readonly RateWindow[] = [
  { limit: 1, ms: 25 },
  { limit: 40, ms: 1_000 },
];

export interface RateLimiter {
  take(): Promise<void>;
}

export function createRateLimiter(
  windows: readonly RateWindow[],
  now: () => number = () => performance.now(),
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): RateLimiter {
  const longest = Math.max(...windows.map((w) => w.ms));
  const stamps: number[] = [];
  // Callers may overlap: each waits for the one before it, so the windows are counted in order.
  let queue: Promise<void> = Promise.resolve();
  const waitFor = (t: number): number => {
    while (stamps.length > 0 && (stamps[0] ?? 0) <= t - longest) stamps.shift();
    let wait = 0;
    for (const { limit, ms } of windows) {
      const inWindow = stamps.filter((s) => s > t - ms);
      if (inWindow.length >= limit) wait = Math.max(wait, (inWindow[inWindow.length - limit] ?? t) + ms - t);
    }
    return wait;
  };
  const takeOne = async () => {
    for (let wait = waitFor(now()); wait > 0; wait = waitFor(now())) await sleep(wait);
    stamps.push(now());
  };
  return {
    take() {
      const mine = queue.then(takeOne);
      queue = mine.catch(() => undefined);
      return mine;
    },
  };
}
