import type { CommandContext } from '../command-context';
import { resolveFor } from '../context-loader';
import { emitData } from '../output/emit-data';
import { cellText } from '../output/table';
import { parseOutputFormat } from '../output/output-format';
import { stringOption, flagOption } from '../option-values';
import { VERSION } from '../version';
import { openOrPrintUrl } from '../open-url';

/** `px version [--check]`: prints the CLI version (and the server's with `--check`). */
export async function version(ctx: CommandContext): Promise<number> {
  const format = parseOutputFormat(stringOption(ctx.options, 'output'));
  const data: Record<string, unknown> = { cli: VERSION };
  if (flagOption(ctx.options, 'check')) {
    const { createApi } = await import('../api');
    const api = await createApi(ctx);
    data.host = api.context.host.value;
    try {
      data.server = await api.installation();
    } finally {
      await api.close();
    }
  }
  if (await emitData(ctx, format, data)) return 0;
  ctx.print.line(`Current cli version: ${VERSION}`);
  if (data.server !== undefined) {
    const server = data.server as Record<string, unknown>;
    ctx.print.line(`Platform: ${cellText(server.version ?? 'unknown')} (${cellText(server.dist ?? 'unknown')}) at ${cellText(data.host)}`);
  }
  return 0;
}

/** `px dashboard [--url]`: opens (or prints) the UI of the configured host. */
export async function dashboard(ctx: CommandContext): Promise<number> {
  const resolved = await resolveFor(ctx);
  return openOrPrintUrl(ctx, `${resolved.host.value}/ui/`, 'The dashboard is available at:');
}
