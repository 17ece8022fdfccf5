import { execFile } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { todayIn } from '../src/core/clock.ts';
import {
  type Download,
  findDownload,
  purgeExpiredDownloads,
  setDownloadFile,
} from '../src/kb/downloads-repo.ts';
import type { Db } from '../src/kb/open.ts';
import { loadUnitTree, type UnitNode } from '../src/kb/unit-tree.ts';
import { MESSAGES } from '../src/reply/messages.ts';
import { buildProgressReport } from '../src/report/build.ts';
import type { ProgressReportData } from '../src/report/types.ts';
import { CONTENT_TYPES, type ReportFormat } from '../src/report/write.ts';
import { toFileStem } from '../src/vi/fold.ts';

/**
 * GET /files/<token>: the report asked for in chat ("xuất báo cáo quý 4"), for 24 hours. The token — 24 random
 * bytes, the only key to the file — is looked up, never joined to a path: the file's name on disk is made from
 * the stored token, in a `files` folder beside the database. Tokens never reach a log (`redactUrl`).
 */
export interface FilesDeps {
  db: Db;
  /** The database file: downloads are written to `files/` beside it. */
  dbPath: string;
  clock: () => Date;
  logger: Logger;
}

/** What newDownloadToken() makes: 24 bytes in base64url. Anything else is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

/**
 * "/files/<anything>" → "/files/[redacted]": a download link opens a report, so it is never written to a log; nor
 * is a console sign-in link ("/admin/login/<token>") or a form token in a console URL's query ("?_csrf=…").
 */
export function redactUrl(url: string): string {
  return url
    .replace(/^\/+files(?:[/?#].*)?$/is, '/files/[redacted]')
    .replace(/^\/+admin\/+login\/.*$/is, '/admin/login/[redacted]')
    .replace(/([?&]_csrf=)[^&#]*/gi, '$1[redacted]');
}

/** Content-Disposition with an ASCII name, also given as RFC 5987 `filename*` (browsers prefer it). */
export function attachment(name: string): string {
  return `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The organisation (and unit) a download reports on, read once per request; null when gone from the tree. */
interface Whose {
  org: UnitNode;
  unit: UnitNode | null;
}

function whoseReport(db: Db, download: Download): Whose | null {
  const tree = loadUnitTree(db);
  const org = tree.get(download.orgId);
  const unit = download.unitId === null ? null : tree.get(download.unitId);
  return org && unit !== undefined ? { org, unit } : null;
}

function downloadName(download: Download, { org, unit }: Whose): string {
  const place = unit ? `${unit.name} ${org.name}` : org.name;
  return `${toFileStem(MESSAGES.exportReport.fileStem(download.period.label, place))}.${download.format}`;
}

const WORKER = fileURLToPath(new URL('./report-worker.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

/** Lays the report out in a child process (adapters/report-worker.ts), so the server's memory stays its own. */
export function writeInWorker(data: ProgressReportData, format: ReportFormat, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--import', TSX, WORKER, format, path],
      (error, _out, stderr) =>
        error ? reject(new Error(`report worker: ${stderr.trim() || error.message}`)) : resolve(),
    );
    child.stdin?.end(JSON.stringify(data));
  });
}

/** The file of a download: written on the first request (the data as of now, the period's own cut-off). */
async function fileOf(
  deps: FilesDeps,
  download: Download,
  { org, unit }: Whose,
  now: Date,
): Promise<string | null> {
  if (download.filePath && existsSync(download.filePath)) return download.filePath;
  const request = {
    org,
    unit,
    planId: download.planId,
    year: download.year,
    period: download.period,
    today: todayIn(now),
  };
  const data = buildProgressReport(deps.db, request);
  if ('kind' in data) return null;
  const folder = join(dirname(deps.dbPath), 'files');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const path = join(folder, `${download.token}.${download.format}`);
  await writeInWorker(data, download.format, path);
  setDownloadFile(deps.db, download.token, path);
  return path;
}

/** The handler of GET /files/:token (registered in adapters/http.ts). */
export function createFilesHandler(deps: FilesDeps) {
  return async (request: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply) => {
    const now = deps.clock();
    // Expired links and their files go on the next request: nothing outlives its 24 hours for long.
    for (const old of purgeExpiredDownloads(deps.db, now)) rmSync(old, { force: true });
    const { token } = request.params;
    const download = TOKEN.test(token) ? findDownload(deps.db, token, now) : null;
    const whose = download ? whoseReport(deps.db, download) : null;
    const path = download && whose ? await fileOf(deps, download, whose, now) : null;
    if (!download || !whose || !path) {
      deps.logger.info(
        { url: redactUrl(request.url), ip: request.ip },
        'files: unknown or expired link (404)',
      );
      return reply.status(404).type('text/html; charset=utf-8').send(MESSAGES.exportReport.gonePage);
    }
    return reply
      .header('content-type', CONTENT_TYPES[download.format])
      .header('content-disposition', attachment(downloadName(download, whose)))
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .send(createReadStream(path));
  };
}
