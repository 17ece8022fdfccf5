import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { buildPlan } from '../ingest/build-plan.ts';
import { type PlanMeta, planMetaSchema } from '../ingest/meta.ts';
import { isSupportedFile, parseDocument } from '../ingest/parse-document.ts';
import { DocumentError, type DocumentWarning, type HeadingSources } from '../ingest/types.ts';
import type { Lexicon } from '../ingest/units/lexicon.ts';
import { findUnchangedImport, type ImportSummary, importPlan } from '../kb/import-plan.ts';
import type { Db } from '../kb/open.ts';
import { findPlanLabel } from '../kb/plans-repo.ts';
import { toStorageFailure } from '../kb/sqlite-errors.ts';
import { MESSAGES } from '../reply/messages.ts';
import { DEFAULT_IMPORT_MAX_MB, formatSize, megabytes } from './file-size.ts';

export type FileResult =
  | {
      kind: 'imported';
      file: string;
      summary: ImportSummary;
      code: string | null;
      appendix: string | null;
      warnings: DocumentWarning[];
      /** What the plan was identified as, and where each part was read; null when the file was not re-read. */
      identity: PlanIdentity | null;
    }
  | { kind: 'failed'; file: string; message: string; line: number | null };

export interface PlanIdentity {
  issuer: string;
  province: string | null;
  year: number | null;
  sources: HeadingSources;
}

export interface ImportOptions {
  db: Db;
  lexicon: Lexicon;
  clock: () => Date;
  /** Paths in results are shown relative to this folder. */
  cwd: string;
  onProgress?: (done: number, total: number, result: FileResult) => void;
  /** Larger plan files are refused before they are read; default DEFAULT_IMPORT_MAX_MB. */
  maxFileBytes?: number;
}

/** Expands folders (recursively, sorted) into the plan files they hold; sidecar .meta.json files are not plans. */
export function listPlanFiles(paths: string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    if (existsSync(path) && statSync(path).isDirectory()) {
      const entries = readdirSync(path, { recursive: true, encoding: 'utf8' }).sort();
      for (const entry of entries) {
        const full = join(path, entry);
        if (isSupportedFile(entry) && statSync(full).isFile()) files.push(full);
      }
    } else {
      files.push(path);
    }
  }
  return files;
}

/** Imports each file in its own transaction: a bad file is reported and skipped, the others still import. */
export async function importFiles(paths: string[], options: ImportOptions): Promise<FileResult[]> {
  const files = listPlanFiles(paths);
  const results: FileResult[] = [];
  for (const [i, file] of files.entries()) {
    const result = await importOne(file, options);
    results.push(result);
    options.onProgress?.(i + 1, files.length, result);
  }
  return results;
}

async function importOne(file: string, options: ImportOptions): Promise<FileResult> {
  const shown = relative(options.cwd, file).split(sep).join('/') || file;
  try {
    if (!existsSync(file)) throw new DocumentError('Không tìm thấy tệp');
    checkSize(file, options.maxFileBytes ?? megabytes(DEFAULT_IMPORT_MAX_MB));
    const bytes = readFileSync(file);
    const metaPath = `${file}.meta.json`;
    const metaBytes = existsSync(metaPath) ? readFileSync(metaPath) : null;
    const sourceHash = hashSource(bytes, metaBytes, options.lexicon);
    const unchanged = findUnchangedImport(options.db, shown, sourceHash);
    if (unchanged) {
      return {
        kind: 'imported',
        file: shown,
        summary: unchanged,
        ...findPlanLabel(options.db, unchanged.planId),
        warnings: [],
        identity: null,
      };
    }
    const doc = await parseDocument(file, bytes);
    const plan = buildPlan(doc, readMeta(metaPath, metaBytes), shown, options.lexicon);
    const summary = importPlan(options.db, plan, options.clock(), sourceHash);
    const { code, appendix, warnings, issuer, province, year, sources } = plan;
    const identity = { issuer, province, year, sources };
    return { kind: 'imported', file: shown, summary, code, appendix, warnings, identity };
  } catch (error) {
    if (error instanceof DocumentError)
      return { kind: 'failed', file: shown, message: error.message, line: error.line };
    // Not the document's fault (disk, database, a bug): say so, with the detail for whoever maintains the bot.
    const detail = error instanceof Error ? error.message : String(error);
    const failure = toStorageFailure(error);
    const what = failure ? MESSAGES.storage[failure] : 'Lỗi hệ thống khi nhập';
    return { kind: 'failed', file: shown, message: `${what} (chi tiết: ${detail})`, line: null };
  }
}

/** Checked on the file's size alone, before a byte is read. */
function checkSize(file: string, maxBytes: number): void {
  const size = statSync(file).size;
  if (size <= maxBytes) return;
  throw new DocumentError(
    `Tệp nặng ${formatSize(size)}, vượt giới hạn ${formatSize(maxBytes)} nên không được đọc ` +
      '(đổi giới hạn bằng --max-mb hoặc IMPORT_MAX_MB)',
  );
}

/** Bumped when parsing changes, so that files imported by an older importer are parsed again. */
const IMPORTER_VERSION = '2';

/** The key of an import's source: the bytes, the sidecar, the lexicon and the importer's version. */
export function hashSource(bytes: Buffer, metaBytes: Buffer | null, lexicon: Lexicon): string {
  const hash = createHash('sha256').update(`${IMPORTER_VERSION}|${lexicon.version}|`).update(bytes);
  if (metaBytes) hash.update('|meta|').update(metaBytes);
  return hash.digest('hex');
}

function readMeta(path: string, bytes: Buffer | null): PlanMeta {
  if (!bytes) return {};
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new DocumentError(`Tệp ${path} không phải JSON hợp lệ`);
  }
  const parsed = planMetaSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`).join('; ');
    throw new DocumentError(`Tệp ${path} sai: ${issues}`);
  }
  return parsed.data;
}
