import { COLOR_ICON_FILE, OUTLINE_ICON_FILE } from './assets.ts';
import { APP_TEXT, type CommandHint } from './messages.ts';

/**
 * The Teams app manifest of the bot, pinned to schema v1.19 (kept as data in data/teams/manifest-schema/v1.19/,
 * checked by validate.ts): the bot with id = the Azure Bot's Microsoft App ID, in personal chats, group chats and
 * teams, its command hints, and the Vietnamese names and descriptions.
 */
export const MANIFEST_VERSION = '1.19';
export const MANIFEST_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;
/** The colour icon's background (scripts/make-teams-icons.ts). */
export const ACCENT_COLOR = '#A51C24';
export const BOT_SCOPES = ['personal', 'team', 'groupChat'] as const;
export type BotScope = (typeof BOT_SCOPES)[number];

/** Everything a manifest needs, already checked (options.ts). */
export interface ManifestInput {
  appId: string;
  shortName: string;
  fullName: string;
  developerName: string;
  websiteUrl: string;
  privacyUrl: string;
  termsOfUseUrl: string;
  version: string;
  /** Host names the bot's links point to (PUBLIC_BASE_URL's); may be empty. */
  validDomains: string[];
}

export interface CommandList {
  scopes: BotScope[];
  commands: CommandHint[];
}

export interface TeamsManifest {
  $schema: string;
  manifestVersion: string;
  version: string;
  id: string;
  localizationInfo: { defaultLanguageTag: string };
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  name: { short: string; full: string };
  description: { short: string; full: string };
  icons: { color: string; outline: string };
  accentColor: string;
  bots: {
    botId: string;
    scopes: BotScope[];
    supportsFiles: boolean;
    isNotificationOnly: boolean;
    commandLists: CommandList[];
  }[];
  validDomains?: string[];
}

function commandLists(): CommandList[] {
  return [
    { scopes: ['personal'], commands: APP_TEXT.personalCommands.map((c) => ({ ...c })) },
    { scopes: ['team', 'groupChat'], commands: APP_TEXT.groupCommands.map((c) => ({ ...c })) },
  ];
}

export function buildManifest(input: ManifestInput): TeamsManifest {
  return {
    $schema: MANIFEST_SCHEMA_URL,
    manifestVersion: MANIFEST_VERSION,
    version: input.version,
    id: input.appId,
    localizationInfo: { defaultLanguageTag: 'vi-VN' },
    developer: {
      name: input.developerName,
      websiteUrl: input.websiteUrl,
      privacyUrl: input.privacyUrl,
      termsOfUseUrl: input.termsOfUseUrl,
    },
    name: { short: input.shortName, full: input.fullName },
    description: { short: APP_TEXT.shortDescription, full: APP_TEXT.fullDescription },
    icons: { color: COLOR_ICON_FILE, outline: OUTLINE_ICON_FILE },
    accentColor: ACCENT_COLOR,
    bots: [
      {
        botId: input.appId,
        scopes: [...BOT_SCOPES],
        supportsFiles: false,
        isNotificationOnly: false,
        commandLists: commandLists(),
      },
    ],
    ...(input.validDomains.length > 0 ? { validDomains: [...input.validDomains] } : {}),
  };
}
