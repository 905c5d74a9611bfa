import { spawn } from 'node:child_process';
import type { CommandContext } from './command-context';
import { flagOption } from './option-values';
import { confirm } from './prompt';

/**
 * Prints `url` (with `--url`, or when stdout is not a terminal) or opens it
 * in the browser after a confirmation (skipped with `-y`).
 */
export async function openOrPrintUrl(ctx: CommandContext, url: string, label: string): Promise<number> {
  if (flagOption(ctx.options, 'url') || ctx.io.stdout.isTTY !== true) {
    ctx.print.line(`${label} ${url}`);
    return 0;
  }
  if (!flagOption(ctx.options, 'yes')) {
    const ok = await confirm(ctx.io.prompt, `Dashboard page will now open in your browser. Continue?`);
    if (ok !== true) {
      ctx.print.line(`${label} ${url}`);
      return 0;
    }
  }
  const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(opener, [url], { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // no browser available: the printed url is enough
  }
  ctx.print.line(`${label} ${url}`);
  return 0;
}
