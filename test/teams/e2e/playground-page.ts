/**
 * The Agents Playground's web page as a person uses it, and what a person reads on it. Locators rest on the page's
 * accessible names and structure (0.2.28), found by reading its DOM: a chat message has a header labelled
 * "Message header" ("Message author" only on the bot's), its bubble right after it; a channel post is a
 * `role="group"` card whose replies (the thread) sit inside it, each under the author's avatar.
 */
import type { Locator, Page, Request } from 'playwright-core';
import { expect } from 'vitest';

/** What the Playground posted to its own backend for a message the person sent. */
export interface SentMessage {
  text: string;
  mentions?: { mentioned: { id: string; name: string }; text: string }[];
}

const ANSWER_TIMEOUT_MS = 30_000;

export class PlaygroundPage {
  constructor(
    readonly page: Page,
    readonly botName: string,
  ) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    // The panel of raw activities takes a third of the width; a person reading the chat closes it.
    await this.page.getByTitle('Toggle Log Panel').click();
  }

  /** Personal chat, the group chat, or "<team> - <channel>" in the tree on the left. */
  async openConversation(name: string): Promise<void> {
    await this.page.getByRole('treeitem', { name, exact: true }).click();
  }

  /** The bot's message bubbles in the open chat (personal or group), oldest first. */
  botMessages(): Locator {
    return this.page.locator('[aria-label="Message header"]:has([aria-label="Message author"]) + div');
  }

  /** The person's own bubbles in the open chat, oldest first. */
  myMessages(): Locator {
    return this.page.locator('[aria-label="Message header"]:not(:has([aria-label="Message author"])) + div');
  }

  /** Scrolls the person's last message with this text to the top: the question, then the answer, on a screenshot. */
  async showFrom(text: string): Promise<void> {
    await scrollToTop(this.myMessages().filter({ hasText: text }).last());
  }

  /** Top-level posts of the open channel, newest first (as the Playground lists them). */
  posts(): Locator {
    // A post card has a "Show more information" menu; the "Start a new post" card, sometimes a group too, has not.
    return this.page.locator(
      '[role="group"]:has([id^="fui-CardHeader__header"]):has([aria-label="Show more information"])',
    );
  }

  /** The replies in a post's thread written by the bot: the content under each bot avatar inside the post. */
  threadReplies(post: Locator): Locator {
    return post
      .locator(`[role="img"][aria-label=${JSON.stringify(this.botName)}]`)
      .locator('xpath=../following-sibling::div[1]');
  }

  /** Waits until `locator` matches more than `count` elements and returns the first new one. */
  async nextOf(locator: Locator, count: number): Promise<Locator> {
    await until(
      async () => (await locator.count()) > count,
      `no answer from the bot after ${count} message(s)`,
    );
    const added = locator.nth(count);
    await until(async () => (await visibleText(added)) !== '', 'the answer stayed empty');
    return added;
  }

  /** Sends a message in the open chat and returns the bot's answer (its first new bubble). */
  async ask(
    text: string,
    options: { mention?: boolean } = {},
  ): Promise<{ answer: Locator; sent: SentMessage }> {
    const messages = this.botMessages();
    const before = await messages.count();
    const sent = this.captureSent();
    sent.catch(() => undefined); // awaited below; this only keeps a failed write from leaving it unhandled
    await this.write(this.page.getByRole('textbox').first(), text, options.mention ?? false);
    await this.page.keyboard.press('Enter');
    return { sent: await sent, answer: await this.nextOf(messages, before) };
  }

  /** Starts a new post in the open channel, @mentioning the bot, and returns the post and the bot's reply in it. */
  async postWithMention(text: string): Promise<{ post: Locator; reply: Locator; sent: SentMessage }> {
    const sent = this.captureSent();
    sent.catch(() => undefined);
    // The first composer of a channel is "Start a new post"; the others answer existing posts.
    await this.write(this.page.getByRole('textbox').first(), text, true);
    await this.page.getByRole('button', { name: 'Post', exact: true }).click();
    const post = this.posts().filter({ hasText: text }).first();
    await post.waitFor({ timeout: ANSWER_TIMEOUT_MS });
    return { post, sent: await sent, reply: await this.nextOf(this.threadReplies(post), 0) };
  }

  /** Types as a person does; a mention is chosen from the menu "@" opens, so the Playground adds its entity. */
  private async write(composer: Locator, text: string, mention: boolean): Promise<void> {
    await composer.click();
    if (mention) {
      await this.page.keyboard.type('@');
      // Its accessible name repeats the name (avatar label + text), so it is found by its text.
      await this.page.getByRole('menuitem').filter({ hasText: this.botName }).first().click();
      await this.page.keyboard.type(` ${text}`);
    } else {
      await composer.fill(text);
    }
  }

  private async captureSent(): Promise<SentMessage> {
    const request: Request = await this.page.waitForRequest(
      (r) => r.method() === 'POST' && /\/_conversation\/v1\/conversations\/[^/]+\/messages$/.test(r.url()),
      { timeout: ANSWER_TIMEOUT_MS },
    );
    return request.postDataJSON() as SentMessage;
  }
}

/** Scrolls a message (with its header, the parent of both) or a post to the top of its pane, for a screenshot. */
export async function scrollToTop(message: Locator, withParent = true): Promise<void> {
  await message.evaluate(
    (el, parent) => (parent ? (el.parentElement ?? el) : el).scrollIntoView({ block: 'start' }),
    withParent,
  );
}

/** Polls `done` until it holds (expect.poll is refused in beforeAll, where the registration waits too). */
export async function until(
  done: () => Promise<boolean>,
  failure: string,
  timeoutMs = ANSWER_TIMEOUT_MS,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`${failure} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The text a person sees in an element, as the browser lays it out (rendered line breaks, no hidden text). */
export function visibleText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's Locator.innerText(), not the DOM property
  return locator.innerText();
}

/** The visible lines of an element: split at rendered breaks (and table cells), blank lines dropped. */
export async function visibleLines(locator: Locator): Promise<string[]> {
  return (await visibleText(locator))
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}

/** A line without the marker a list gives it: "•", "-", "*", "·" or "12.". */
export function withoutMarker(line: string): string {
  return line.replace(/^(?:[•\-*·]|\d+\.)\s*/, '');
}

/** Matches a task number such as "III.8" and not "III.80", "II.8" inside "III.8", or "V.1" inside "IV.1". */
export function taskNumber(number: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9.])${number.replace(/\./g, '\\.')}(?![0-9]|\\.[0-9])`);
}

/**
 * Asserts that each item is on a visible line of its own, in the given order: a different line for each (a forced
 * break, not word wrap: the browser's innerText has no break where a long paragraph merely wraps). Returns the
 * lines, for messages.
 */
export async function expectSeparateLines(
  message: Locator,
  items: { name: string; test: (line: string) => boolean }[],
): Promise<string[]> {
  const lines = await visibleLines(message);
  let last = -1;
  for (const item of items) {
    const at = lines.findIndex((line, i) => i > last && item.test(line));
    expect(
      at,
      `${item.name} is not on a line of its own after line ${last + 1} in:\n${lines.join('\n')}`,
    ).toBeGreaterThan(last);
    last = at;
  }
  return lines;
}

/** Each label begins its own line (after a list marker), in order. */
export function startsLine(label: string): { name: string; test: (line: string) => boolean } {
  return { name: `"${label}"`, test: (line) => withoutMarker(line).startsWith(label) };
}

/**
 * Where a person sees each text on the screen: the top (px) of the first match of each pattern inside the element,
 * or null when it is not there. Text split over several elements (a bold label, a plain value) is found.
 */
export function textTops(message: Locator, patterns: (string | RegExp)[]): Promise<(number | null)[]> {
  const sources = patterns.map((p) =>
    typeof p === 'string' ? p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : p.source,
  );
  return message.evaluate((root, wanted) => {
    // The project compiles without the DOM library: the few browser types used here, by shape.
    type Text = { data: string };
    type Doc = {
      createTreeWalker(root: unknown, show: number): { nextNode(): unknown };
      createRange(): {
        setStart(node: Text, offset: number): void;
        setEnd(node: Text, offset: number): void;
        getClientRects(): ArrayLike<{ top: number; height: number }>;
      };
    };
    const document = (globalThis as unknown as { document: Doc }).document;
    const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT
    const walker = document.createTreeWalker(root, SHOW_TEXT);
    const nodes: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    const whole = nodes.map((n) => n.data).join('');
    const locate = (offset: number): [Text, number] | null => {
      let start = 0;
      for (const node of nodes) {
        if (offset < start + node.data.length) return [node, offset - start];
        start += node.data.length;
      }
      return null;
    };
    return wanted.map((source) => {
      const match = new RegExp(source).exec(whole);
      const from = match ? locate(match.index) : null;
      const to = match ? locate(match.index + Math.max(match[0].length - 1, 0)) : null;
      if (!from || !to) return null;
      const range = document.createRange();
      range.setStart(from[0], from[1]);
      range.setEnd(to[0], to[1] + 1);
      const rect = range.getClientRects()[0];
      return rect && rect.height > 0 ? rect.top : null;
    });
  }, sources);
}

/** Asserts the texts are visible and each sits lower on the screen than the one before (a new visual line). */
export async function expectTopToBottom(message: Locator, patterns: (string | RegExp)[]): Promise<void> {
  const tops = await textTops(message, patterns);
  tops.forEach((top, i) => {
    expect(top, `${patterns[i]} is not visible`).not.toBeNull();
    if (i > 0)
      expect(top, `${patterns[i]} is not below ${patterns[i - 1]}`).toBeGreaterThan((tops[i - 1] ?? 0) + 2);
  });
}
