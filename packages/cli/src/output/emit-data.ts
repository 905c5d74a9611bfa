import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CommandContext } from '../command-context';
import type { OutputFormat } from './output-format';
import { toYaml } from './yaml';

/**
 * Prints `data` as JSON (2-space indent) or YAML on stdout, or writes compact
 * JSON to a file. Returns `false` for the table format (the caller prints
 * its own readable view).
 */
export async function emitData(ctx: CommandContext, format: OutputFormat, data: unknown): Promise<boolean> {
  switch (format.kind) {
    case 'json':
      ctx.io.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
      return true;
    case 'yaml':
      ctx.io.stdout.write(toYaml(data));
      return true;
    case 'file': {
      const target = resolve(ctx.cwd, format.path);
      await writeFile(target, JSON.stringify(data));
      ctx.print.success(`Data was written to ${target}`);
      return true;
    }
    case 'table':
      return false;
  }
}
