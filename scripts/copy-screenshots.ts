import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../src/paths.ts';

/**
 * Copies the README's screenshots from a browser test's output (`from/<shot>.png` → `docs/<prefix>-<shot>.png`);
 * exits with a Vietnamese message naming the test to run when one is missing.
 */
export function copyScreenshots(from: string, prefix: string, shots: readonly string[], tests: string): void {
  const missing = shots.filter((shot) => !existsSync(join(from, `${shot}.png`)));
  if (missing.length > 0) {
    process.stderr.write(
      `Chưa có ảnh: ${missing.join(', ')}. Chạy trước: npx vitest run ${tests} (ảnh ở ${from}).\n`,
    );
    process.exit(1);
  }
  for (const shot of shots) {
    copyFileSync(join(from, `${shot}.png`), join(PROJECT_ROOT, 'docs', `${prefix}-${shot}.png`));
    process.stdout.write(`docs/${prefix}-${shot}.png\n`);
  }
}
