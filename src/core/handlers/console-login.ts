import { consoleLink, signOutEverywhere } from '../../console/sign-in.ts';
import { CONSOLE_VOCABULARY } from '../../intent/console-vocabulary.ts';
import { type Block, doc } from '../../reply/doc.ts';
import { MESSAGES } from '../../reply/messages.ts';
import type { HandlerResult, Turn } from '../types.ts';

const C = MESSAGES.consoleLogin;

function result(said: string | Block[]): HandlerResult {
  return { intent: 'console_login', entities: {}, tasks: [], doc: doc(said) };
}

/**
 * "đăng nhập trang quản trị": a one-time link to the web console (src/console/sign-in.ts), in a private chat
 * only — a link posted in a group would sign in whoever opens it first. "đăng xuất mọi nơi" ends every console
 * session of the person, wherever it is typed (it reveals nothing).
 * The reply carries the token: adapters never log reply texts, and the URL redaction covers /admin/login/.
 */
export function answerConsoleLogin(turn: Turn): HandlerResult {
  if (CONSOLE_VOCABULARY.consoleLogout.test(turn.msg.folded))
    return result(C.signedOutEverywhere(signOutEverywhere(turn.db, turn.user.id, turn.now)));
  if (turn.chat.isGroup) return result(C.groupChat);
  const link = consoleLink(turn.db, turn.user.id, turn.now, turn.publicBaseUrl, turn.k);
  return result(link.ok ? C.link(link.url) : link.reason);
}
