import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandContext } from '../../command-context';
import { printIssues } from '../check-report';

const POLYAXONFILE_NAME = 'polyaxonfile.plx.json';

/**
 * Reads and checks a component Polyaxonfile with `@px/polyaxonfile` (loaded only here), as upstream's
 * `components register` and `push` do before calling the API. On error prints the problems with file, line,
 * field path and a code frame, and returns undefined.
 *
 * @returns the specification as JSON text (what upstream sends as `content`)
 */
export async function checkedComponentContent(ctx: CommandContext, file: string): Promise<string | undefined> {
  const pf = await import('@px/polyaxonfile/node');
  try {
    return JSON.stringify(pf.toDict(pf.getSpecification(file)));
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    printIssues(ctx, error);
    return undefined;
  }
}

/**
 * Checks the content of a local component version folder: its `polyaxonfile.plx.json` when present (so
 * errors point into that file), else the `content` of its record.
 *
 * @returns whether it is a valid Polyaxonfile
 */
export async function checkLocalComponent(ctx: CommandContext, folder: string, content: unknown): Promise<boolean> {
  const file = join(folder, POLYAXONFILE_NAME);
  let source: unknown = content;
  let label = `${join(folder, 'version.plx.json')} (content)`;
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8');
    // `pull` writes JSON content as JSON and YAML content as one JSON string
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (typeof parsed !== 'string') return (await checkedComponentContent(ctx, file)) !== undefined;
    source = parsed;
    label = file;
  }
  if (typeof source !== 'string' || source === '') return true;
  const pf = await import('@px/polyaxonfile/node');
  try {
    pf.getSpecification(pf.parseYaml(source, label));
    return true;
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    printIssues(ctx, error);
    return false;
  }
}
