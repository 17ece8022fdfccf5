import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { COLOR_ICON_FILE, type Icons, OUTLINE_ICON_FILE, readIcons } from './assets.ts';
import { buildManifest, type TeamsManifest } from './manifest.ts';
import { FIELD_LABELS, PACKAGE_ERRORS } from './messages.ts';
import { AppPackageError, type PackageRequest, resolveManifestInput } from './options.ts';
import { describeIssue, manifestIssues } from './validate.ts';

/**
 * The Teams app package: a zip with manifest.json, color.png and outline.png at its root (no folder), which the
 * Teams admin center or the Developer Portal takes as it is. Nothing is written unless the manifest is valid,
 * and the file appears whole or not at all (written beside its place, then renamed).
 */
export const PACKAGE_FILES = ['manifest.json', COLOR_ICON_FILE, OUTLINE_ICON_FILE] as const;

export interface AppPackage {
  manifest: TeamsManifest;
  bytes: Uint8Array;
}

/** A fixed date for every entry, so the same input gives the same bytes. */
const ENTRY_TIME = new Date('2026-01-01T00:00:00Z');

export function zipPackage(manifest: TeamsManifest, icons: Icons): Uint8Array {
  const json = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);
  return zipSync(
    {
      'manifest.json': [json, { mtime: ENTRY_TIME }],
      [COLOR_ICON_FILE]: [icons.color, { mtime: ENTRY_TIME, level: 0 }],
      [OUTLINE_ICON_FILE]: [icons.outline, { mtime: ENTRY_TIME, level: 0 }],
    },
    { level: 9 },
  );
}

/** The package in memory, or an AppPackageError saying what to change. */
export function makeAppPackage(request: PackageRequest, icons: Icons = readIcons()): AppPackage {
  const manifest = buildManifest(resolveManifestInput(request));
  const issues = manifestIssues(manifest);
  if (issues.length > 0) {
    // The admin's own fields (a name over its limit…) are what to change; anything else is the schema's word.
    const order = Object.keys(FIELD_LABELS);
    const own = issues
      .filter((i) => FIELD_LABELS[i.path] !== undefined)
      .sort((a, b) => order.indexOf(a.path) - order.indexOf(b.path));
    if (own.length > 0)
      throw new AppPackageError([...own.map(describeIssue), PACKAGE_ERRORS.nothingWritten].join(' '));
    throw new AppPackageError(PACKAGE_ERRORS.invalidManifest(issues.map(describeIssue).join('; ')));
  }
  return { manifest, bytes: zipPackage(manifest, icons) };
}

/** Refuses a missing folder or a folder given as the file, before anything is made. */
export function checkOutPath(out: string): void {
  if (existsSync(out) && statSync(out).isDirectory())
    throw new AppPackageError(PACKAGE_ERRORS.outIsFolder(out));
  const folder = dirname(out);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new AppPackageError(PACKAGE_ERRORS.noFolder(folder));
}

/** Writes the bytes to `out` (replacing an older package there) through a temporary file in the same folder. */
export function writeFileWhole(out: string, bytes: Uint8Array): void {
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, bytes, { flag: 'wx' });
    renameSync(temp, out);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** `cli teams-package`: checks, makes and writes the package; returns it for the command's summary. */
export function writeAppPackage(out: string, request: PackageRequest): AppPackage {
  checkOutPath(out);
  const made = makeAppPackage(request);
  writeFileWhole(out, made.bytes);
  return made;
}
