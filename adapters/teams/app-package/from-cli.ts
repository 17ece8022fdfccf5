import { configSchema } from '../../config.ts';
import { MANIFEST_VERSION } from './manifest.ts';
import { PACKAGE_DONE } from './messages.ts';
import { AppPackageError, type PackageOptions, type PackageRequest } from './options.ts';
import { PACKAGE_FILES, writeAppPackage } from './write-package.ts';

/**
 * What `cli teams-package` calls (wired by the composition root, src/cli.ts): the command's options plus the two
 * variables it uses, read as the server reads them (adapters/config.ts) — MicrosoftAppId, the default app id,
 * and PUBLIC_BASE_URL, whose https address is the default of the developer pages. MicrosoftAppPassword is never
 * read. Anything the admin has to change comes back as a message, not an exception; anything else is thrown.
 *
 * Done, with the sentence saying what was written and how to upload it; or the reason nothing was written. */
export type PackageOutcome = { ok: true; said: string } | { ok: false; message: string };

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
    const said = PACKAGE_DONE(
      out,
      manifest.name.short,
      manifest.id,
      manifest.version,
      MANIFEST_VERSION,
      PACKAGE_FILES,
    );
    return { ok: true, said };
  } catch (error) {
    if (error instanceof AppPackageError) return { ok: false, message: error.message };
    throw error;
  }
}
