import { projectVersion } from './assets.ts';
import type { ManifestInput } from './manifest.ts';
import { APP_TEXT, FIELD_LABELS, PACKAGE_ERRORS } from './messages.ts';

/**
 * From what the admin gave (options, environment) to a checked ManifestInput. Everything Teams would refuse is
 * refused here, before any file is written, with a Vietnamese sentence naming the option; the length limits
 * themselves are the schema's (validate.ts), so they cannot drift from it.
 */
export class AppPackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AppPackageError';
  }
}

/** What the admin may give on the command line (`cli teams-package`), each optional. */
export interface PackageOptions {
  appId?: string | undefined;
  name?: string | undefined;
  fullName?: string | undefined;
  developer?: string | undefined;
  websiteUrl?: string | undefined;
  privacyUrl?: string | undefined;
  termsUrl?: string | undefined;
  appVersion?: string | undefined;
}

export interface PackageRequest extends Omit<PackageOptions, 'appId'> {
  /** --app-id, else the environment's MicrosoftAppId (the Azure Bot's Microsoft App ID). */
  appId: string | undefined;
  /** Where appId came from, for the error message: "--app-id" or "MicrosoftAppId". */
  appIdFrom: string;
  /** PUBLIC_BASE_URL as the server reads it (no trailing slash); its https address is the default of the URLs. */
  publicBaseUrl?: string | undefined;
}

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** Trimmed NFC text, or the default when not given; given but blank is an error naming the field. */
function text(value: string | undefined, fallback: string, path: string): string {
  if (value === undefined) return fallback;
  const cleaned = value.normalize('NFC').trim();
  if (cleaned === '') throw new AppPackageError(PACKAGE_ERRORS.emptyField(FIELD_LABELS[path] ?? path));
  return cleaned;
}

function appIdOf(request: PackageRequest): string {
  const id = request.appId?.trim();
  if (!id) throw new AppPackageError(PACKAGE_ERRORS.noAppId);
  if (!GUID.test(id)) throw new AppPackageError(PACKAGE_ERRORS.badAppId(id, request.appIdFrom));
  return id;
}

function isHttps(value: string): boolean {
  return /^https:\/\/\S+$/i.test(value) && URL.canParse(value);
}

/** An explicit URL must be https; a missing one is PUBLIC_BASE_URL's address when that is https. */
function url(value: string | undefined, base: string | null, path: string): string {
  if (value !== undefined) {
    const cleaned = value.trim();
    if (!isHttps(cleaned))
      throw new AppPackageError(PACKAGE_ERRORS.notHttps(FIELD_LABELS[path] ?? path, value));
    return cleaned;
  }
  if (base === null) throw new AppPackageError(PACKAGE_ERRORS.noUrls);
  return `${base}/`;
}

function httpsBase(publicBaseUrl: string | undefined): string | null {
  if (publicBaseUrl === undefined) return null;
  const base = publicBaseUrl.trim().replace(/\/+$/, '');
  return isHttps(base) ? base : null;
}

function versionOf(value: string | undefined): string {
  const version = value?.trim() ?? projectVersion();
  if (!VERSION.test(version)) throw new AppPackageError(PACKAGE_ERRORS.badVersion(version));
  return version;
}

export function resolveManifestInput(request: PackageRequest): ManifestInput {
  const appId = appIdOf(request);
  const shortName = text(request.name, APP_TEXT.defaultShortName, '/name/short');
  // A name of one's own is also the full name unless one is given: the default full name says the default name.
  const fullName = text(
    request.fullName,
    request.name === undefined ? APP_TEXT.defaultFullName : shortName,
    '/name/full',
  );
  const base = httpsBase(request.publicBaseUrl);
  return {
    appId,
    shortName,
    fullName,
    developerName: text(request.developer, APP_TEXT.defaultDeveloperName, '/developer/name'),
    websiteUrl: url(request.websiteUrl, base, '/developer/websiteUrl'),
    privacyUrl: url(request.privacyUrl, base, '/developer/privacyUrl'),
    termsOfUseUrl: url(request.termsUrl, base, '/developer/termsOfUseUrl'),
    version: versionOf(request.appVersion),
    validDomains: base === null ? [] : [new URL(base).hostname],
  };
}
