import type { Db } from './open.ts';
import { prepared } from './prepared.ts';

/**
 * Where the bot can write first (digests, reminders): the platform's reference to a conversation, kept as opaque
 * JSON. Refreshed on every message (the platform may move a tenant to another service URL), removed when the bot
 * is uninstalled, marked dead when the platform refuses a send (403/404) so the digest stops trying.
 */
export interface ConversationRef {
  channel: string;
  conversationId: string;
  /** 'personal' | 'groupChat' | 'channel' (Teams' words) */
  kind: string;
  reference: unknown;
  tenantId: string | null;
  /** The person, for a personal conversation (where their reminders go). */
  userKey?: string | null;
  deadAt: string | null;
  deadReason: string | null;
}

interface Row {
  channel: string;
  conversation_id: string;
  kind: string;
  reference: string;
  tenant_id: string | null;
  dead_at: string | null;
  dead_reason: string | null;
}

const toRef = (r: Row): ConversationRef => ({
  channel: r.channel,
  conversationId: r.conversation_id,
  kind: r.kind,
  reference: JSON.parse(r.reference),
  tenantId: r.tenant_id,
  deadAt: r.dead_at,
  deadReason: r.dead_reason,
});

/** Stores or refreshes a reference; a conversation that writes to the bot again is alive again. */
export function saveConversationRef(
  db: Db,
  ref: Omit<ConversationRef, 'deadAt' | 'deadReason'>,
  now: Date,
): void {
  prepared(
    db,
    `INSERT INTO conversation_refs (channel, conversation_id, kind, reference, tenant_id, installed_at, updated_at,
       user_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (channel, conversation_id) DO UPDATE SET kind = excluded.kind, reference = excluded.reference,
       tenant_id = excluded.tenant_id, updated_at = excluded.updated_at, dead_at = NULL, dead_reason = NULL,
       user_key = coalesce(excluded.user_key, user_key)`,
  ).run(
    ref.channel,
    ref.conversationId,
    ref.kind,
    JSON.stringify(ref.reference),
    ref.tenantId,
    now.toISOString(),
    now.toISOString(),
    ref.userKey ?? null,
  );
}

/** The live personal conversation of a person, where private messages (reminders) can go. */
export function findPersonalConversation(db: Db, channel: string, userKey: string): string | null {
  const row = prepared<[string, string], { conversation_id: string }>(
    db,
    `SELECT conversation_id FROM conversation_refs WHERE channel = ? AND user_key = ? AND kind = 'personal'
       AND dead_at IS NULL ORDER BY updated_at DESC LIMIT 1`,
  ).get(channel, userKey);
  return row?.conversation_id ?? null;
}

export function findConversationRef(db: Db, channel: string, conversationId: string): ConversationRef | null {
  const row = prepared<[string, string], Row>(
    db,
    'SELECT * FROM conversation_refs WHERE channel = ? AND conversation_id = ?',
  ).get(channel, conversationId);
  return row ? toRef(row) : null;
}

export function removeConversationRef(db: Db, channel: string, conversationId: string): boolean {
  return (
    prepared(db, 'DELETE FROM conversation_refs WHERE channel = ? AND conversation_id = ?').run(
      channel,
      conversationId,
    ).changes > 0
  );
}

export function markConversationDead(
  db: Db,
  channel: string,
  conversationId: string,
  reason: string,
  now: Date,
): void {
  prepared(
    db,
    'UPDATE conversation_refs SET dead_at = ?, dead_reason = ? WHERE channel = ? AND conversation_id = ?',
  ).run(now.toISOString(), reason, channel, conversationId);
}

export function listConversationRefs(db: Db, channel: string): ConversationRef[] {
  return prepared<[string], Row>(
    db,
    'SELECT * FROM conversation_refs WHERE channel = ? ORDER BY installed_at, conversation_id',
  )
    .all(channel)
    .map(toRef);
}
