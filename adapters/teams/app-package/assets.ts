import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The data the package is made from, shipped in data/teams/ (relative to this source tree, not to the working
 * directory): the manifest schema it is checked against and the two icons (scripts/make-teams-icons.ts).
 */
export const MANIFEST_SCHEMA_PATH = fileURLToPath(
  new URL('../../../data/teams/manifest-schema/v1.19/MicrosoftTeams.schema.json', import.meta.url),
);
export const COLOR_ICON_PATH = fileURLToPath(new URL('../../../data/teams/icons/color.png', import.meta.url));
export const OUTLINE_ICON_PATH = fileURLToPath(
  new URL('../../../data/teams/icons/outline.png', import.meta.url),
);
const PACKAGE_JSON_PATH = fileURLToPath(new URL('../../../package.json', import.meta.url));

/** File names inside the zip; the manifest's `icons` name them. */
export const COLOR_ICON_FILE = 'color.png';
export const OUTLINE_ICON_FILE = 'outline.png';

export interface Icons {
  color: Uint8Array;
  outline: Uint8Array;
}

export function readIcons(): Icons {
  return { color: readFileSync(COLOR_ICON_PATH), outline: readFileSync(OUTLINE_ICON_PATH) };
}

/** The project's own version (package.json), the app's version unless one is given. */
export function projectVersion(): string {
  const parsed: unknown = JSON.parse(readFileSync(PACKAGE_JSON_PATH, 'utf8'));
  const version = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'version') : undefined;
  return typeof version === 'string' ? version : '1.0.0';
}
