import { collapseSpaces } from '../vi/fold.ts';

const QUOTE_MAX = 60;

/** `"UBND tỉnh ban hành kế hoạch"`: a source text quoted on the import line, cut to about 60 characters. */
export function quote(text: string): string {
  const clean = collapseSpaces(text);
  return `"${clean.length > QUOTE_MAX ? `${clean.slice(0, QUOTE_MAX - 1).trimEnd()}…` : clean}"`;
}
