import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { CommandContext } from '../command-context';
import { CliError } from '../errors';
import { flagOption } from '../option-values';

/** Absolute path of the installed `@px/polyaxonfile/schema.json`. */
function schemaPath(): string {
  try {
    return createRequire(import.meta.url).resolve('@px/polyaxonfile/schema.json');
  } catch (error) {
    throw new CliError('The Polyaxonfile JSON Schema of @px/polyaxonfile is not installed next to px.', { cause: error });
  }
}

/** `px schema [--path]`: prints the Polyaxonfile JSON Schema for editors, or the path of the installed file. */
export async function schema(ctx: CommandContext): Promise<number> {
  const path = schemaPath();
  if (flagOption(ctx.options, 'path')) {
    ctx.print.line(path);
    return 0;
  }
  ctx.io.stdout.write(await readFile(path, 'utf8'));
  return 0;
}
