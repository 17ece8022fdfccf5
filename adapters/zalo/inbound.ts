import { z } from 'zod';

/**
 * One normaliser for webhook bodies and polled updates. Zalo's docs wrap the update as {ok, result}; live
 * deliveries are bare: both are accepted. `date` is in milliseconds. Unknown event names are reported, not fatal.
 */
export const ZALO_EVENTS = [
  'message.text.received',
  'message.image.received',
  'message.sticker.received',
  'message.voice.received',
  'message.unsupported.received',
] as const;

const messageSchema = z.object({
  message_id: z.string().min(1),
  date: z.number().optional(),
  text: z.string().optional(),
  from: z.object({
    id: z.string().min(1),
    display_name: z.string().optional(),
    is_bot: z.boolean().optional(),
  }),
  chat: z.object({ id: z.string().min(1), chat_type: z.string().optional() }),
});

const updateSchema = z.object({ event_name: z.string(), message: messageSchema });

export type ZaloInbound =
  | {
      kind: 'message';
      event: (typeof ZALO_EVENTS)[number];
      messageId: string;
      chatId: string;
      userId: string;
      displayName: string | null;
      isGroup: boolean;
      text: string;
      /** When the user sent it (Zalo gives milliseconds). */
      sentAt: Date | null;
    }
  | { kind: 'ignored'; reason: string };

function unwrap(body: unknown): unknown {
  if (body && typeof body === 'object' && 'result' in body) {
    const result = (body as { result: unknown }).result;
    if (result && typeof result === 'object' && 'event_name' in result) return result;
  }
  return body;
}

export function parseZaloUpdate(body: unknown): ZaloInbound {
  const parsed = updateSchema.safeParse(unwrap(body));
  if (!parsed.success) return { kind: 'ignored', reason: 'not a Zalo update' };
  const { event_name: event, message: m } = parsed.data;
  if (!(ZALO_EVENTS as readonly string[]).includes(event))
    return { kind: 'ignored', reason: `unknown event ${event}` };
  return {
    kind: 'message',
    event: event as (typeof ZALO_EVENTS)[number],
    messageId: m.message_id,
    chatId: m.chat.id,
    userId: m.from.id,
    displayName: m.from.display_name ?? null,
    isGroup: m.chat.chat_type === 'GROUP',
    text: m.text ?? '',
    sentAt: m.date === undefined ? null : new Date(m.date),
  };
}

/** "@Bot Nhiệm vụ phòng tôi": the mention is part of the text in groups; the bot's display name comes from config. */
export function stripMention(text: string, botName: string | null): string {
  const trimmed = text.trim();
  if (botName) {
    const mention = `@${botName}`;
    if (trimmed.toLowerCase().startsWith(mention.toLowerCase())) return trimmed.slice(mention.length).trim();
  }
  // Without a configured name, drop one leading @word so the rest still reads as the question.
  return trimmed.replace(/^@\S+\s*/u, '');
}
