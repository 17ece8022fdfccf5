import { createInterface } from 'node:readline';
import { type AskDeps, ask } from './ask.ts';

type ChatUser = { org?: string; unit?: string; role?: 'staff' | 'lead' | 'admin'; today?: string };

/** `cli chat`: an interactive conversation with the bot in the terminal (also reads piped lines). */
export async function chat(deps: AskDeps, user: ChatUser): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  process.stdout.write('Trợ lý nhiệm vụ — gõ câu hỏi, “thoát” để kết thúc.\n> ');
  let first = true;
  for await (const text of rl) {
    if (/^(thoat|thoát|exit|quit)$/i.test(text.trim())) break;
    // The registration given on the command line is applied once; later turns use the stored user.
    const base = { user: 'chat', text, ...(user.today ? { today: user.today } : {}) };
    const request = first ? { ...user, ...base } : base;
    first = false;
    process.stdout.write(`${ask(deps, request).reply}\n> `);
  }
  rl.close();
  process.stdout.write('\n');
}
