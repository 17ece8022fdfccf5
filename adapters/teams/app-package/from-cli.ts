import { configSchema } from '../../config.ts';
import { MANIFEST_VERSION } from './manifest.ts';
import { AppPackageError, type PackageRequest } from './options.ts';
import { PACKAGE_FILES, writeAppPackage } from './write-package.ts';

/**
 * What `cli teams-package` calls (wired by the composition root, src/cli.ts): the command's options plus the two
 * variables it uses, read as the server reads them (adapters/config.ts) — MicrosoftAppId, the default app id,
 * and PUBLIC_BASE_URL, whose https address is the default of the developer pages. MicrosoftAppPassword is never
 * read. Anything the admin has to change comes back as a message, not an exception; anything else is thrown.
 */
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

export type PackageOutcome =
  | {
      ok: true;
      out: string;
      appId: string;
      name: string;
      version: string;
      manifestVersion: string;
      files: readonly string[];
    }
  | { ok: false; message: string };

function publicBaseUrl(env: NodeJS.ProcessEnv): string | undefined {
  const parsed = configSchema.shape.PUBLIC_BASE_URL.safeParse(env.PUBLIC_BASE_URL);
  if (parsed.success) return parsed.data;
  const why = parsed.error.issues.map((i) => i.message).join('; ');
  throw new AppPackageError(`PUBLIC_BASE_URL=${env.PUBLIC_BASE_URL ?? ''}: ${why}`);
}

function requestOf(options: PackageOptions, env: NodeJS.ProcessEnv): PackageRequest {
  const { appId, ...rest } = options;
  return {
    ...rest,
    appId: appId ?? configSchema.shape.MicrosoftAppId.parse(env.MicrosoftAppId),
    appIdFrom: appId !== undefined ? '--app-id' : 'MicrosoftAppId',
    publicBaseUrl: publicBaseUrl(env),
  };
}

export function writeTeamsPackage(
  out: string,
  options: PackageOptions,
  env: NodeJS.ProcessEnv,
): PackageOutcome {
  try {
    const { manifest } = writeAppPackage(out, requestOf(options, env));
    return {
      ok: true,
      out,
      appId: manifest.id,
      name: manifest.name.short,
      version: manifest.version,
      manifestVersion: MANIFEST_VERSION,
      files: PACKAGE_FILES,
    };
  } catch (error) {
    if (error instanceof AppPackageError) return { ok: false, message: error.message };
    throw error;
  }
}
