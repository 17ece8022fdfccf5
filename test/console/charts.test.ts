import { describe, expect, it } from 'vitest';
import { type Bullet, bulletBar } from '../../adapters/console/charts.ts';

/** The KPI bullet bar of Tổng quan: the actual's value is written where it hides neither the tick nor itself. */
const bar = (target: number, actual: number | null): Bullet => ({
  target,
  actual,
  verdict: actual === null ? 'no_data' : actual >= target ? 'met' : 'not_met',
  targetWords: `từ ${target}% trở lên`,
  verdictWords: '…',
});

/** The tick's x and the value's x and anchor, in percent of the bar. */
function layout(b: Bullet) {
  const svg = bulletBar(b).value;
  const tick = Number(/<line x1="([\d.]+)%"/.exec(svg)?.[1]);
  const text = /<text x="([\d.]+)%" y="16" text-anchor="(start|end)"[^>]*>([^<]*)<\/text>/.exec(svg);
  return { svg, tick, value: text ? { x: Number(text[1]), anchor: text[2], text: text[3] } : null };
}

describe('KPI bullet bar', () => {
  it('writes no value over an empty bar; the title still says there is no figure', () => {
    const { svg, value } = layout(bar(20, null));
    expect(value).toBeNull();
    expect(svg).toContain('<title>Chỉ tiêu từ 20% trở lên; thực tế chưa có số liệu: …</title>');
  });

  it('writes the value after the bar’s end when the tick is far from it', () => {
    expect(layout(bar(90, 40)).value).toEqual({ x: 41, anchor: 'start', text: '40%' });
  });

  it('moves a value that would run over the tick to the tick’s other side', () => {
    const below = layout(bar(20, 15));
    expect(below.value?.anchor).toBe('start');
    expect(below.value?.x).toBeGreaterThan(below.tick);
    const full = layout(bar(95, 97));
    expect(full.value?.anchor).toBe('end');
    expect(full.value?.x).toBeLessThan(full.tick);
  });
});
