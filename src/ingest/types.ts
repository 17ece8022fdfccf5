/**
 * The neutral shapes that every document layout is turned into. Layout parsers are pure: text (or a grid of
 * cells read from .docx/.xlsx) in, `ParsedDocument` out. Units, deadlines and KPI targets are resolved later,
 * once, in `build-plan.ts`, so that every layout gets the same semantics.
 */

export const LAYOUTS = ['cell-per-line', 'tab-separated', 'narrative', 'docx', 'xlsx', 'pdf'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** What a document says about itself in its heading ("Kèm theo Kế hoạch số 55/KH-SXD ngày 11/6/2025 của Sở Xây dựng"). */
export interface PlanHeading {
  /** "55/KH-SXD"; null when the number is still blank ("Kế hoạch số: /KH-SNV"). */
  code: string | null;
  /** Issuing body as written, without the province: "Sở Xây dựng", "UBND tỉnh". */
  issuer: string | null;
  /** Province named in the heading or title: "Lạng Sơn". */
  province: string | null;
  /** ISO date (YYYY-MM-DD) when the heading gives a full date. */
  date: string | null;
  year: number | null;
  title: string;
  /** The index or programme the plan serves: "PAR INDEX", "PAPI", "SIPAS", "CCHC" (comma-joined when several). */
  index: string | null;
  /** "Phụ lục I", "Phụ lục III" — distinguishes appendices of one plan. */
  appendix: string | null;
  /** Where the text states issuer, province, year and code (absent when it does not). */
  sources: HeadingSources;
}

/** The parts of a plan's identity whose origin the import line reports. */
export const HEADING_FIELDS = ['issuer', 'province', 'year', 'code'] as const;
export type HeadingField = (typeof HEADING_FIELDS)[number];

/**
 * Where a part of the identity was read: the "Kèm theo Kế hoạch số …" line, the header block ("SỞ NỘI VỤ",
 * "Số: 126/KH-UBND"), the plan number's suffix, the title, a sentence of the body ("UBND tỉnh ban hành kế
 * hoạch"), the signature block ("TM. ỦY BAN NHÂN DÂN"), provinces named in the body, or the sidecar.
 */
export const SOURCE_KINDS = [
  'attached',
  'header',
  'code',
  'title',
  'sentence',
  'signature',
  'body',
  'meta',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface HeadingSource {
  kind: SourceKind;
  /** Short Vietnamese description for the import line: 'từ câu "UBND tỉnh ban hành kế hoạch"'. */
  text: string;
}

export type HeadingSources = Partial<Record<HeadingField, HeadingSource>>;

/** One task row as the document writes it, before any interpretation. */
export interface RawTaskRow {
  /** 1-based line (text layouts) or table row (docx/xlsx) where the row starts, for messages. */
  line: number;
  sectionCode: string;
  sectionTitle: string;
  /** Row number as written ("7", "4.1", "2.2.1", "1.2.3 (1)", "3.1 a)"); may be empty in a defective row. */
  stt: string;
  content: string;
  /** Unit cells as written: may hold several bodies separated by ';', line breaks, bullets or commas. */
  lead: string;
  coordinate: string;
  deadline: string;
  product: string;
  /** Role given to coordinating units that carry no role words of their own ("thực hiện" in the narrative plan). */
  coordinateRole?: string;
}

export interface DocumentWarning {
  line: number;
  message: string;
  /** The page, for a document read from PDF: its "lines" are of the rebuilt text, which no one can see. */
  page?: number;
}

/** A headline goal of the whole plan ("PAR INDEX năm 2023 nằm trong nhóm 35 tỉnh, thành phố có chỉ số cao nhất"). */
export interface PlanGoal {
  index: string | null;
  text: string;
}

export interface ParsedDocument {
  layout: Layout;
  heading: PlanHeading;
  rows: RawTaskRow[];
  goals: PlanGoal[];
  /** A deadline that applies to every task whose own deadline cell is empty (narrative plans). */
  planDeadline: string | null;
  warnings: DocumentWarning[];
  /** For a PDF: the page of each line (or table row) that rows and warnings point at. */
  linePages?: ReadonlyMap<number, number>;
}

/** A rectangular view of a table, as read from TSV text, .docx or .xlsx: one string per cell, '\n' inside cells. */
export interface Grid {
  rows: GridRow[];
}

export interface GridRow {
  /** 1-based source position (line or table row). */
  line: number;
  cells: string[];
}

/**
 * Input to the table normaliser: lines of text above the table (title, heading), the grid itself, and the lines
 * after it (a full plan's signature block: "TM. ỦY BAN NHÂN DÂN", "GIÁM ĐỐC"), when the reader kept them.
 */
export interface TableDocument {
  layout: Layout;
  preamble: string[];
  grid: Grid;
  after?: string[];
}

/** Thrown by parsers for a document they cannot read; `line` points at the offending place when known. */
export class DocumentError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
    this.name = 'DocumentError';
  }
}
