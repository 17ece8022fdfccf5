/**
 * The texts the generated plans are made of: rows of the shipped table plans (contents, products, deadlines),
 * grouped by section, read with the project's own parser so they are exactly what real plans hold.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseText } from '../../src/ingest/parse-document.ts';
import type { ParsedDocument } from '../../src/ingest/types.ts';
import { collapseSpaces, fold } from '../../src/vi/fold.ts';

export interface RealRow {
  content: string;
  product: string;
  deadline: string;
}

export interface SectionPool {
  title: string;
  rows: RealRow[];
}

export interface RealRows {
  /** Sections of the administrative-reform plans (PAR INDEX, CCHC), in document order. */
  reform: SectionPool[];
  /** Sections of the PAPI plans. */
  papi: SectionPool[];
  /** Titles of numbered heading rows ("Công tác tuyên truyền CCHC"), which have sub-rows and no units. */
  headings: string[];
}

/** A section with fewer real rows than this borrows rows from every section, so plans do not repeat one row. */
const THIN_SECTION = 5;

export function readRealRows(plansDir: string): RealRows {
  const docs = readdirSync(plansDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readTable(join(plansDir, name)))
    .filter((doc): doc is ParsedDocument => doc !== null);
  const headings = docs.flatMap((d) => d.rows.filter(isHeadingRow).map((r) => clean(r.content)));
  const all = docs.flatMap((d) => d.rows.filter((r) => !isHeadingRow(r) && r.content !== '').map(toRealRow));
  const pools = (papi: boolean): SectionPool[] =>
    toSections(docs.filter((d) => (d.heading.index === 'PAPI') === papi)).map((s) =>
      s.rows.length < THIN_SECTION ? { title: s.title, rows: [...s.rows, ...all] } : s,
    );
  const real: RealRows = { reform: pools(false), papi: pools(true), headings };
  if (real.reform.length === 0 || real.papi.length === 0 || headings.length === 0) {
    throw new Error(`${plansDir} holds too few table plans to generate a corpus from`);
  }
  return real;
}

/** Only the table layouts; the narrative plan has no rows to borrow. */
function readTable(path: string): ParsedDocument | null {
  const doc = parseText(readFileSync(path, 'utf8').replace(/\r\n?/g, '\n'));
  return doc.layout === 'narrative' ? null : doc;
}

type Row = ParsedDocument['rows'][number];

function isHeadingRow(row: Row): boolean {
  return row.lead === '' && row.coordinate === '';
}

/** Cells go back into one line of a text file: no tabs, no line breaks. */
function clean(text: string): string {
  return collapseSpaces(text.replace(/[\t\n]/g, ' '));
}

function toRealRow(row: Row): RealRow {
  return { content: clean(row.content), product: clean(row.product), deadline: clean(row.deadline) };
}

/** Sections of several plans merged by title ("CẢI CÁCH THỦ TỤC HÀNH CHÍNH (TTHC)" = "… HÀNH CHÍNH"). */
function toSections(docs: ParsedDocument[]): SectionPool[] {
  const byKey = new Map<string, SectionPool>();
  for (const doc of docs) {
    for (const row of doc.rows) {
      if (isHeadingRow(row) || row.content === '') continue;
      const key = fold(row.sectionTitle.replace(/\(.*?\)/g, '')).replace(/[^a-z ]/g, '');
      const pool = byKey.get(key) ?? { title: clean(row.sectionTitle), rows: [] };
      pool.rows.push(toRealRow(row));
      byKey.set(key, pool);
    }
  }
  return [...byKey.values()];
}
