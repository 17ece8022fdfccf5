import { createInterface } from 'node:readline/promises';
import { type AskDeps, ask } from './ask.ts';

/** `cli chat`: an interactive conversation with the bot in the terminal, for trying it out. */
export async function chat(
  deps: AskDeps,
  user: { org?: string; unit?: string; role?: 'staff' | 'lead' | 'admin'; today?: string },
) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  process.stdout.write('Trợ lý nhiệm vụ — gõ câu hỏi, “thoát” để kết thúc.\n');
  let first = true;
  for (;;) {
    const text = await rl.question('> ').catch(() => null);
    if (text === null || /^(thoat|thoát|exit|quit)$/i.test(text.trim())) break;
    // The registration given on the command line is applied once; later turns use the stored user.
    const request = first
      ? { ...user, user: 'chat', text }
      : { user: 'chat', text, ...(user.today ? { today: user.today } : {}) };
    first = false;
    process.stdout.write(`${ask(deps, request).reply}\n`);
  }
  rl.close();
}
