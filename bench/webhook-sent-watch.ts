/**
 * When the fake Zalo accepted each sendMessage: a listener re-armed after every piece (through the fake's
 * `waitForSent`) notes the time and the running count, so the last reply's time is exact, not a polling tick.
 */
import type { FakeZalo } from '../test/support/fake-zalo.ts';

export interface SentSample {
  /** performance.now() when the count changed. */
  at: number;
  /** fake.sent.length then. */
  sent: number;
}

export interface SentWatch {
  samples(): readonly SentSample[];
  /** When the last piece came in, or null if none did. */
  lastAt(): number | null;
  stop(): void;
}

/** Re-armed every second when nothing comes, so a stopped watch lets the process exit within a second. */
const REARM_MS = 1_000;

export function createSentWatch(fake: FakeZalo): SentWatch {
  const samples: SentSample[] = [];
  const start = fake.sent.length;
  let stopped = false;
  const arm = (): void => {
    if (stopped) return;
    fake.waitForSent(fake.sent.length + 1, REARM_MS).then(() => {
      if (stopped) return;
      samples.push({ at: performance.now(), sent: fake.sent.length - start });
      arm();
    }, arm);
  };
  arm();
  return {
    samples: () => samples,
    lastAt: () => samples.at(-1)?.at ?? null,
    stop() {
      stopped = true;
    },
  };
}

/** Pieces accepted in each whole second from `start` (the last, partial second included). */
export function perSecond(samples: readonly SentSample[], start: number): number[] {
  const counts: number[] = [];
  let previous = 0;
  for (const { at, sent } of samples) {
    const second = Math.max(0, Math.floor((at - start) / 1000));
    while (counts.length <= second) counts.push(0);
    counts[second] = (counts[second] ?? 0) + (sent - previous);
    previous = sent;
  }
  return counts;
}
