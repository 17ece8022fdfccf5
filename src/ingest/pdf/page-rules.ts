import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { HorizontalRule, VerticalRule } from './types.ts';

/** A point from user space to page coordinates (the page viewport's transform). */
export type ToPage = (x: number, y: number) => [number, number];
type Matrix = [number, number, number, number, number, number];

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** The path data codes of pdfjs's `constructPath` (its DrawOPS). */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_TO = 3;
const CLOSE = 4;
/** A segment thinner than this (points) along one axis is a rule along the other. */
const FLAT = 1;
const SHORTEST_RULE = 3;

const PAINTING = new Set<number>([
  OPS.stroke,
  OPS.closeStroke,
  OPS.fill,
  OPS.eoFill,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function asMatrix(value: unknown): Matrix | null {
  if (!value || typeof value !== 'object' || !('length' in value) || value.length !== 6) return null;
  const numbers = Array.from(value as ArrayLike<unknown>, Number);
  return numbers.every(Number.isFinite) ? (numbers as Matrix) : null;
}

/**
 * The ruling lines of a page: every straight horizontal or vertical segment that is stroked or filled (a table
 * border drawn as a line, or as a thin filled rectangle, whose long edges count). Curves and clips are ignored.
 */
export function findRules(
  fnArray: readonly number[],
  argsArray: readonly unknown[],
  toPage: ToPage,
): { horizontal: HorizontalRule[]; vertical: VerticalRule[] } {
  const horizontal: HorizontalRule[] = [];
  const vertical: VerticalRule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  const point = (x: number, y: number) =>
    toPage(ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]);
  const segment = (from: [number, number], to: [number, number]) => {
    const [ax, ay] = point(...from);
    const [bx, by] = point(...to);
    if (Math.abs(ay - by) < FLAT && Math.abs(ax - bx) >= SHORTEST_RULE)
      horizontal.push({ y: (ay + by) / 2, x0: Math.min(ax, bx), x1: Math.max(ax, bx) });
    else if (Math.abs(ax - bx) < FLAT && Math.abs(ay - by) >= SHORTEST_RULE)
      vertical.push({ x: (ax + bx) / 2, y0: Math.min(ay, by), y1: Math.max(ay, by) });
  };
  fnArray.forEach((fn, index) => {
    const args = argsArray[index];
    if (fn === OPS.save || fn === OPS.paintFormXObjectBegin) stack.push(ctm);
    if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    if (fn === OPS.transform) ctm = multiply(ctm, asMatrix(args) ?? IDENTITY);
    if (fn === OPS.paintFormXObjectBegin && Array.isArray(args))
      ctm = multiply(ctm, asMatrix(args[0]) ?? IDENTITY);
    if (fn === OPS.constructPath && Array.isArray(args) && PAINTING.has(Number(args[0]))) {
      for (const data of Array.isArray(args[1]) ? args[1] : []) walkPath(data as ArrayLike<number>, segment);
    }
  });
  return { horizontal, vertical };
}

/** Calls `segment` for every straight segment of a path (pdfjs's flat path data). */
function walkPath(
  data: ArrayLike<number>,
  segment: (from: [number, number], to: [number, number]) => void,
): void {
  let start: [number, number] = [0, 0];
  let current: [number, number] = [0, 0];
  for (let i = 0; i < data.length; ) {
    const code = data[i];
    const at = (k: number) => Number(data[i + k]);
    if (code === MOVE_TO) {
      current = [at(1), at(2)];
      start = current;
      i += 3;
    } else if (code === LINE_TO) {
      const next: [number, number] = [at(1), at(2)];
      segment(current, next);
      current = next;
      i += 3;
    } else if (code === CURVE_TO) {
      current = [at(5), at(6)];
      i += 7;
    } else if (code === QUADRATIC_TO) {
      current = [at(3), at(4)];
      i += 5;
    } else if (code === CLOSE) {
      segment(current, start);
      current = start;
      i += 1;
    } else {
      return;
    }
  }
}
