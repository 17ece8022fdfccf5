/**
 * Charts drawn as SVG on the server: no script (the console's CSP allows none), no charting library to serve, and
 * the markup is testable as text. Lengths along a bar are percentages of the bar's width, so a bar fills a 390 px
 * phone and a 1280 px screen alike while its text keeps its size. Every segment carries its count in text and links
 * to the tasks behind it; the words of each colour are in a legend (colour is never the only sign).
 */

import { formatNumber } from '../../src/reply/numbers.ts';
import { STATUS_COLOURS, STATUS_SHORT, STATUS_WORDS, VERDICT_COLOURS } from '../../src/reply/status-words.ts';
import type { KpiVerdict, TaskStatus } from '../../src/report/types.ts';
import { TASK_STATUSES } from '../../src/report/types.ts';
import { html, type SafeHtml } from './html.ts';

const BAR_HEIGHT = 28;
/** A segment never narrower than this (% of the bar), so its count always fits; the rest is shared out in proportion. */
const MIN_SEGMENT = 8;
/** Wide enough (% of the bar) to say the status in words beside the count. */
const WORDS_FIT = 34;

export interface StackedBar {
  counts: Record<TaskStatus, number>;
  total: number;
  /** What the bar is about, for its title ("Văn phòng Sở"). */
  label: string;
  /** Where each segment's number leads: the tasks with that status. */
  href: (status: TaskStatus) => string;
}

/**
 * The report's palette paints "thường xuyên" and "chưa có báo cáo" the same grey; side by side in one bar they must
 * differ, so "chưa có báo cáo" is drawn hollow, with a dashed grey border (in the legend too).
 */
const HOLLOW: TaskStatus = 'no_report';
const fillOf = (s: TaskStatus) => (s === HOLLOW ? 'FFFFFF' : STATUS_COLOURS[s]);
const strokeOf = (s: TaskStatus) =>
  s === HOLLOW ? html` stroke="#6b7280" stroke-dasharray="4 2"` : html` stroke="#fff"`;

const pct = (n: number) => `${Math.round(n * 100) / 100}%`;

/** Segment widths in % of the bar: proportional, each at least MIN_SEGMENT. */
export function segmentWidths(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const shown = counts.filter((c) => c > 0).length;
  if (total === 0) return counts.map(() => 0);
  const spare = 100 - MIN_SEGMENT * shown;
  return counts.map((c) => (c === 0 ? 0 : MIN_SEGMENT + (spare * c) / total));
}

function breakdown(bar: StackedBar): string {
  const parts = TASK_STATUSES.filter((s) => bar.counts[s] > 0).map(
    (s) => `${formatNumber(bar.counts[s])} ${STATUS_WORDS[s].toLowerCase()}`,
  );
  return `${bar.label}: ${formatNumber(bar.total)} nhiệm vụ${parts.length ? ` — ${parts.join('; ')}` : ''}`;
}

/** One unit's tasks by status as a horizontal stacked bar. */
export function stackedBar(bar: StackedBar): SafeHtml {
  const widths = segmentWidths(TASK_STATUSES.map((s) => bar.counts[s]));
  let x = 0;
  const segments = TASK_STATUSES.map((status, i) => {
    const width = widths[i] ?? 0;
    const start = x;
    x += width;
    if (width === 0) return '';
    const n = bar.counts[status];
    const words = width >= WORDS_FIT ? ` ${STATUS_SHORT[status]}` : '';
    return html`<a href="${bar.href(status)}"><title>${formatNumber(n)} ${STATUS_WORDS[status]}</title><rect x="${pct(start)}" y="0" width="${pct(width)}" height="${BAR_HEIGHT}" fill="#${fillOf(status)}"${strokeOf(status)}/><text x="${pct(start + width / 2)}" y="${BAR_HEIGHT / 2 + 5}" text-anchor="middle" class="seg">${formatNumber(n)}${words}</text></a>`;
  });
  const empty =
    bar.total === 0
      ? html`<rect x="0" y="0" width="100%" height="${BAR_HEIGHT}" fill="#f3f4f6"/><text x="8" y="${BAR_HEIGHT / 2 + 5}" class="seg">0</text>`
      : '';
  return html`<svg class="bar" width="100%" height="${BAR_HEIGHT}" role="img" aria-label="${breakdown(bar)}"><title>${breakdown(bar)}</title>${empty}${segments}</svg>`;
}

/** A colour sample as SVG: the CSP allows no inline style attribute. */
export function swatch(colour: string, hollow = false): SafeHtml {
  const border = hollow
    ? html` stroke="#6b7280" stroke-dasharray="3 2"`
    : html` stroke="#52606d" stroke-width="0.5"`;
  return html`<svg class="swatch" width="14" height="14" aria-hidden="true"><rect x="0.5" y="0.5" width="13" height="13" fill="#${colour}"${border}/></svg>`;
}

/** The words of each colour, in the bars' order; each entry links to the tasks of that status. */
export function statusLegend(counts: Record<TaskStatus, number>, href: (s: TaskStatus) => string): SafeHtml {
  const items = TASK_STATUSES.map(
    (s) =>
      html`<li>${swatch(fillOf(s), s === HOLLOW)}${STATUS_WORDS[s]}: <a href="${href(s)}">${formatNumber(counts[s])}</a></li>`,
  );
  return html`<ul class="legend">${items}</ul>`;
}

export interface Bullet {
  /** The target value and the latest actual (both rates in the plans, so 0–100 unless larger). */
  target: number;
  actual: number | null;
  verdict: KpiVerdict;
  /** The target in words ("từ 80% trở lên") and the verdict's words, for the title. */
  targetWords: string;
  verdictWords: string;
}

/** About how wide a value ("99,5%") is, in percent of a bar in the dashboard's column. */
const VALUE_WIDTH = 9;

/**
 * Where the actual's value is written, in percent of the bar, and which end is anchored there: right of the bar's
 * end, or inside it when the bar reaches the far side — and never across the target's tick, which it would hide.
 */
function valuePlace(actualW: number, targetAt: number): { x: number; anchor: 'start' | 'end' } {
  const inside = actualW > 100 - VALUE_WIDTH - 2;
  const x = inside ? actualW - 1 : actualW + 1;
  const crosses = inside
    ? x - VALUE_WIDTH < targetAt + 1 && x > targetAt
    : x + VALUE_WIDTH > targetAt - 1 && x < targetAt;
  if (!crosses) return { x, anchor: inside ? 'end' : 'start' };
  return targetAt + 1 + VALUE_WIDTH <= 100
    ? { x: targetAt + 1, anchor: 'start' }
    : { x: targetAt - 1, anchor: 'end' };
}

/**
 * A bullet bar: the actual as a bar, the target as a tick, the actual's value in text beside it. Without an actual
 * the bar is empty and says nothing (the table's "Thực tế" and "Đánh giá" columns and the title say it).
 */
export function bulletBar(b: Bullet): SafeHtml {
  const max = Math.max(100, b.target, b.actual ?? 0);
  const targetAt = (b.target / max) * 100;
  const actualW = b.actual === null ? 0 : (b.actual / max) * 100;
  const actualText = b.actual === null ? 'chưa có số liệu' : `${formatNumber(b.actual)}%`;
  const title = `Chỉ tiêu ${b.targetWords}; thực tế ${actualText}: ${b.verdictWords}`;
  const place = valuePlace(actualW, targetAt);
  const value =
    b.actual === null
      ? html``
      : html`<text x="${pct(place.x)}" y="16" text-anchor="${place.anchor}" class="seg">${actualText}</text>`;
  return html`<svg class="bullet" width="100%" height="24" role="img" aria-label="${title}"><title>${title}</title><rect x="0" y="4" width="100%" height="16" fill="#eef2f7"/><rect x="0" y="7" width="${pct(actualW)}" height="10" fill="#${VERDICT_COLOURS[b.verdict]}" stroke="#52606d" stroke-width="0.5"/><line x1="${pct(targetAt)}" x2="${pct(targetAt)}" y1="1" y2="23" stroke="#1f2933" stroke-width="2"/>${value}</svg>`;
}
