import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { MANIFEST_SCHEMA_PATH } from './assets.ts';
import { FIELD_LABELS, PACKAGE_ERRORS } from './messages.ts';

/**
 * The manifest checked against Microsoft's schema v1.19, read from the copy in data/ — no network: every `$ref`
 * of that file is local. The schema is draft-04, which ajv 8 validates with its default (draft-07) vocabulary for
 * the keywords it uses; the draft-04 meta-schema itself is not loaded (`validateSchema: false`). Its one format
 * is `uri` (the manifest's `$schema`).
 */
export interface ManifestIssue {
  /** JSON pointer into the manifest, e.g. /name/short. */
  path: string;
  keyword: string;
  /** The schema's limit for maxLength / maxItems, when that was the rule broken. */
  limit: number | null;
  /** The length or count found, for the same rules. */
  found: number | null;
  message: string;
}

let compiled: ValidateFunction | null = null;

function validator(): ValidateFunction {
  if (compiled) return compiled;
  const schema: unknown = JSON.parse(readFileSync(MANIFEST_SCHEMA_PATH, 'utf8'));
  if (typeof schema !== 'object' || schema === null) throw new Error(`${MANIFEST_SCHEMA_PATH}: not a schema`);
  const ajv = new Ajv({ strict: false, allErrors: true, verbose: true, validateSchema: false });
  ajv.addFormat('uri', { type: 'string', validate: (value: string) => URL.canParse(value) });
  compiled = ajv.compile(schema);
  return compiled;
}

function sizeOf(data: unknown): number | null {
  if (typeof data === 'string') return [...data].length;
  if (Array.isArray(data)) return data.length;
  return null;
}

function toIssue(error: ErrorObject): ManifestIssue {
  const limited = error.keyword === 'maxLength' || error.keyword === 'maxItems';
  const limit: unknown = limited ? error.params.limit : null;
  return {
    path: error.instancePath,
    keyword: error.keyword,
    limit: typeof limit === 'number' ? limit : null,
    found: limited ? sizeOf(error.data) : null,
    message: error.message ?? error.keyword,
  };
}

/** What is wrong with a manifest (none when it is valid). Accepts anything, so a broken manifest can be tried. */
export function manifestIssues(manifest: unknown): ManifestIssue[] {
  const validate = validator();
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map(toIssue);
}

/** One issue in Vietnamese: a field the admin set is named with its option and limit. */
export function describeIssue(issue: ManifestIssue): string {
  const label = FIELD_LABELS[issue.path];
  if (label && issue.limit !== null && issue.found !== null)
    return PACKAGE_ERRORS.tooLong(label, issue.found, issue.limit);
  return PACKAGE_ERRORS.schemaIssue(label ?? issue.path, issue.message);
}
