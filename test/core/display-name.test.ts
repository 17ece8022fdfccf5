import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/compose/core.ts';
import { findUser } from '../../src/kb/users-repo.ts';
import { SHIPPED_PLANS_DIR } from '../../src/paths.ts';
import { loadChatLexicon } from '../../src/vi/message.ts';
import { TODAY } from '../support/bot.ts';
import { importInto, tempDb, testLexicon } from '../support/kb.ts';

/** An admin approving people in the console must see who they are: the name the platform shows is kept. */
describe('the name a chat platform shows for a person', () => {
  it('is stored on first contact and follows a change, and a message without one keeps it', async () => {
    const { db } = tempDb();
    await importInto(db, [SHIPPED_PLANS_DIR]);
    const core = createCore(db, testLexicon(), loadChatLexicon(), () => new Date(`${TODAY}T09:00:00+07:00`));
    const say = (displayName: string | null) =>
      core.assistant.handle({
        channel: 'zalo',
        userKey: 'z-1',
        text: 'hướng dẫn',
        displayName,
        today: TODAY,
      });
    say('Nguyễn Văn An');
    expect(findUser(db, 'zalo', 'z-1')?.displayName).toBe('Nguyễn Văn An');
    say('  An Nguyễn  ');
    expect(findUser(db, 'zalo', 'z-1')?.displayName).toBe('An Nguyễn');
    say(null);
    expect(findUser(db, 'zalo', 'z-1')?.displayName).toBe('An Nguyễn');
  });
});
