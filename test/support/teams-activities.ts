/**
 * Teams activities shaped like the documented examples (reference §7): a personal chat, a channel post that
 * @mentions the bot, a group chat, installationUpdate add/remove. Ids are fake but have Teams' shapes.
 */
export const BOT = { id: '28:00000000-1111-2222-3333-444444444444', name: 'Bot Nhiệm vụ' };
export const TENANT = '2c3d4e5f-0000-4000-8000-0000000000aa';
export const CHANNEL_ID = '19:a1b2c3d4e5@thread.tacv2';
export const GROUP_CHAT_ID = '19:groupchat9f8e7d@thread.v2';

export type Kind = 'personal' | 'groupChat' | 'channel';

export interface Person {
  fromId: string;
  aadObjectId: string;
  name: string;
}

export const AN: Person = {
  fromId: '29:1AbCdEfAn',
  aadObjectId: '6f1c2b9e-0000-4000-8000-000000000001',
  name: 'Nguyễn Văn An',
};
export const BINH: Person = {
  fromId: '29:1QwErTyBinh',
  aadObjectId: '6f1c2b9e-0000-4000-8000-000000000002',
  name: 'Trần Thị Bình',
};

let counter = 1_732_262_400_000;

function conversation(kind: Kind, person: Person, id: string) {
  if (kind === 'personal')
    return { conversationType: 'personal', tenantId: TENANT, id: `a:1${person.fromId}` };
  if (kind === 'groupChat')
    return { isGroup: true, conversationType: 'groupChat', tenantId: TENANT, id: GROUP_CHAT_ID };
  return {
    isGroup: true,
    conversationType: 'channel',
    tenantId: TENANT,
    id: `${CHANNEL_ID};messageid=${id}`,
  };
}

function channelData(kind: Kind) {
  const tenant = { tenant: { id: TENANT } };
  if (kind !== 'channel') return tenant;
  return { ...tenant, team: { id: '19:teamroot123@thread.tacv2' }, channel: { id: CHANNEL_ID } };
}

export function message(
  serviceUrl: string,
  text: string,
  opts: { kind?: Kind; person?: Person; id?: string } = {},
) {
  const kind = opts.kind ?? 'personal';
  const person = opts.person ?? AN;
  const id = opts.id ?? String(counter++);
  const mention =
    kind === 'personal' ? [] : [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }];
  return {
    type: 'message',
    id,
    timestamp: '2026-11-22T08:00:00.123Z',
    locale: 'vi-VN',
    serviceUrl,
    channelId: 'msteams',
    from: { id: person.fromId, name: person.name, aadObjectId: person.aadObjectId },
    conversation: conversation(kind, person, id),
    recipient: BOT,
    textFormat: 'plain',
    text: kind === 'personal' ? text : `<at>${BOT.name}</at> ${text}\n`,
    entities: [...mention, { type: 'clientInfo', locale: 'vi-VN', country: 'VN', platform: 'Web' }],
    channelData: channelData(kind),
  };
}

export function installation(serviceUrl: string, action: 'add' | 'remove', kind: Kind = 'channel') {
  const id = String(counter++);
  const conv = conversation(kind, AN, id);
  return {
    type: 'installationUpdate',
    action,
    id,
    timestamp: '2026-11-22T08:00:00.000Z',
    serviceUrl,
    channelId: 'msteams',
    from: { id: AN.fromId, aadObjectId: AN.aadObjectId },
    // Installing into a team gives the selected channel itself, without a thread.
    conversation: kind === 'channel' ? { ...conv, id: CHANNEL_ID } : conv,
    recipient: BOT,
    channelData: { ...channelData(kind), settings: { selectedChannel: { id: CHANNEL_ID } }, source: null },
  };
}
