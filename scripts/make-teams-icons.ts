/**
 * Draws the two icons of the Teams app package (adapters/teams/app-package/) from the SVGs below, in Chromium:
 *   data/teams/icons/color.png    192×192, full colour: a clipboard with ticked rows on a deep red background;
 *   data/teams/icons/outline.png  32×32, the same mark as a white outline on a transparent background (Teams'
 *                                 rule: every visible pixel white, the rest transparent).
 * The SVG is drawn onto a canvas (not a screenshot), and the outline's anti-aliased edge pixels are set to pure
 * white keeping their alpha, so the rule holds exactly (test/teams/app-package.test.ts checks it pixel by pixel).
 * Run: npx tsx scripts/make-teams-icons.ts  (overwrites both files; commit them).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../src/paths.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/browser.ts';

const OUT_DIR = join(PROJECT_ROOT, 'data', 'teams', 'icons');

/** The accent colour of the manifest (adapters/teams/app-package/manifest.ts) is this background. */
const RED = '#A51C24';

const COLOR_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="192" height="192" viewBox="0 0 192 192">
  <rect width="192" height="192" fill="${RED}"/>
  <rect x="48" y="38" width="96" height="124" rx="12" fill="#FFFFFF"/>
  <rect x="70" y="26" width="52" height="26" rx="8" fill="#F5C542"/>
  <circle cx="96" cy="32" r="5" fill="${RED}"/>
  <g fill="none" stroke-linecap="round" stroke-linejoin="round" stroke-width="8">
    <path d="M64 78 l8 8 l14 -14" stroke="${RED}"/>
    <path d="M64 108 l8 8 l14 -14" stroke="${RED}"/>
    <rect x="64" y="130" width="20" height="20" rx="4" stroke="#9AA3AE" stroke-width="6"/>
    <path d="M98 80 H128 M98 110 H128 M98 140 H128" stroke="#9AA3AE" stroke-width="7"/>
  </g>
</svg>`;

const OUTLINE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">
  <g fill="none" stroke="#FFFFFF" stroke-linecap="round" stroke-linejoin="round" stroke-width="2">
    <rect x="5" y="5" width="22" height="25" rx="3"/>
    <path d="M9 15 l2.5 2.5 l4.5 -4.5"/>
    <path d="M9 23 l2.5 2.5 l4.5 -4.5"/>
    <path d="M19 16 H23 M19 24 H23"/>
  </g>
  <rect x="10" y="2" width="12" height="6" rx="2" fill="#FFFFFF"/>
</svg>`;

/**
 * Runs in the page (a string: this project's TypeScript has no DOM types): draws the SVG on a size×size canvas
 * and, with whiteOnly, makes every pixel that shows pure white, keeping its alpha. Returns a PNG data URL.
 */
const DRAW_IN_PAGE = `async ({ svg, size, whiteOnly }) => {
  const image = new Image();
  image.src = 'data:image/svg+xml;base64,' + btoa(svg);
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0, size, size);
  if (whiteOnly) {
    const pixels = context.getImageData(0, 0, size, size);
    for (let i = 0; i < pixels.data.length; i += 4) {
      if (pixels.data[i + 3] === 0) continue;
      pixels.data[i] = 255;
      pixels.data[i + 1] = 255;
      pixels.data[i + 2] = 255;
    }
    context.putImageData(pixels, 0, 0);
  }
  return canvas.toDataURL('image/png');
}`;

async function render(page: Page, svg: string, size: number, whiteOnly: boolean): Promise<Buffer> {
  const args = JSON.stringify({ svg, size, whiteOnly });
  const dataUrl = await page.evaluate(`(${DRAW_IN_PAGE})(${args})`);
  if (typeof dataUrl !== 'string') throw new Error('the page returned no PNG');
  return Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64');
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(join(OUT_DIR, 'color.png'), await render(page, COLOR_SVG, 192, false));
    writeFileSync(join(OUT_DIR, 'outline.png'), await render(page, OUTLINE_SVG, 32, true));
    process.stdout.write(`Đã ghi color.png và outline.png vào ${OUT_DIR}\n`);
  } finally {
    await browser.close();
  }
}

await main();
