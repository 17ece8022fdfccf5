import { randomBytes } from 'node:crypto';
import type { PeriodKey } from '../report/types.ts';
import type { Db } from './open.ts';
import { prepared } from './prepared.ts';

/** How long a download link works. */
export const DOWNLOAD_TTL_MS = 24 * 60 * 60 * 1000;

/** A report asked for in chat, waiting to be downloaded with its token (GET /files/<token>). */
export interface Download {
  token: string;
  orgId: number;
  /** null: the whole organisation. */
  unitId: number | null;
  planId: string | null;
  period: { key: PeriodKey; label: string; from: string; to: string };
  /** The plans' year, as asked; null: the period's. */
  year: number | null;
  format: 'xlsx' | 'docx' | 'json';
  /** The day it was asked for (ISO). */
  madeOn: string;
  userId: number | null;
  createdAt: string;
  expiresAt: string;
  /** Set once the file is written (first download). */
  filePath: string | null;
}

export type NewDownload = Omit<Download, 'token' | 'createdAt' | 'expiresAt' | 'filePath'>;

interface DownloadRow {
  token: string;
  org_id: number;
  unit_id: number | null;
  plan_id: string | null;
  period_key: PeriodKey;
  period_label: string;
  period_from: string;
  period_to: string;
  year: number | null;
  format: Download['format'];
  made_on: string;
  user_id: number | null;
  created_at: string;
  expires_at: string;
  file_path: string | null;
}

/** 24 random bytes, URL-safe: the token is the only key to the file, so it cannot be guessed. */
export function newDownloadToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Stores the request and returns it with its token, valid DOWNLOAD_TTL_MS from `now`. */
export function createDownload(db: Db, request: NewDownload, now: Date): Download {
  const download: Download = {
    ...request,
    token: newDownloadToken(),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + DOWNLOAD_TTL_MS).toISOString(),
    filePath: null,
  };
  prepared(
    db,
    `INSERT INTO downloads (token, org_id, unit_id, plan_id, period_key, period_label, period_from, period_to, year,
       format, made_on, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    download.token,
    download.orgId,
    download.unitId,
    download.planId,
    download.period.key,
    download.period.label,
    download.period.from,
    download.period.to,
    download.year,
    download.format,
    download.madeOn,
    download.userId,
    download.createdAt,
    download.expiresAt,
  );
  return download;
}

/** The download a token names while it is valid at `now`; null when unknown or expired. */
export function findDownload(db: Db, token: string, now: Date): Download | null {
  const row = prepared<[string, string], DownloadRow>(
    db,
    'SELECT * FROM downloads WHERE token = ? AND expires_at > ?',
  ).get(token, now.toISOString());
  return row ? toDownload(row) : null;
}

export function setDownloadFile(db: Db, token: string, filePath: string): void {
  prepared(db, 'UPDATE downloads SET file_path = ? WHERE token = ?').run(filePath, token);
}

export function countDownloads(db: Db): number {
  return (prepared(db, 'SELECT count(*) AS n FROM downloads').get() as { n: number }).n;
}

function toDownload(row: DownloadRow): Download {
  return {
    token: row.token,
    orgId: row.org_id,
    unitId: row.unit_id,
    planId: row.plan_id,
    period: { key: row.period_key, label: row.period_label, from: row.period_from, to: row.period_to },
    year: row.year,
    format: row.format,
    madeOn: row.made_on,
    userId: row.user_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    filePath: row.file_path,
  };
}

/**
 * Forgets the downloads whose link expired before `now` and returns the files they had written, for the caller
 * to delete: a report is personal data about a unit's work, not kept past its link.
 */
export function purgeExpiredDownloads(db: Db, now: Date): string[] {
  const cutoff = now.toISOString();
  const files = prepared<[string], { file_path: string | null }>(
    db,
    'SELECT file_path FROM downloads WHERE expires_at < ?',
  )
    .all(cutoff)
    .map((r) => r.file_path)
    .filter((p): p is string => p !== null);
  prepared(db, 'DELETE FROM downloads WHERE expires_at < ?').run(cutoff);
  return files;
}
