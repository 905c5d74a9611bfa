import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandContext } from '../command-context';
import { contextOptions, resolveFor } from '../context-loader';
import { CliError } from '../errors';
import { flagOption, stringOption } from '../option-values';
import { toYaml } from '../output/yaml';
import { confirm } from '../prompt';
import { POLYAXONFILE_TEMPLATE, POLYAXONIGNORE_TEMPLATE } from './init-templates';

async function overwriteOk(ctx: CommandContext, question: string): Promise<boolean> {
  if (flagOption(ctx.options, 'yes')) return true;
  const answer = await confirm(ctx.io.prompt, question);
  if (answer === undefined) throw new CliError('Aborted!');
  return answer;
}

async function initProject(ctx: CommandContext, ref: string): Promise<void> {
  const resolved = await resolveFor(ctx);
  const context = await import('@px/context');
  const { owner, project } = context.parseProjectRef(ref, resolved);
  const { createApi } = await import('../api');
  const api = await createApi(ctx, resolved);
  let data: Record<string, unknown>;
  try {
    data = await api.getProject(owner, project);
  } catch (error) {
    throw new CliError(`Make sure you have a project with this name \`${ref}\`.`, {
      cause: error,
      details: [`You can create a new project with: px project create --name=${project} [--description=...] [--tags=...]`],
    });
  } finally {
    await api.close();
  }
  const options = contextOptions(ctx);
  const existing = context.readProjectCache(options);
  if (existing !== undefined) {
    ctx.print.warning('Warning! This project is already initialized with the following project:');
    ctx.print.warning(`    Owner: ${existing.data.owner ?? ''}`);
    ctx.print.warning(`    Project: ${existing.data.name ?? ''}`);
    if (!(await overwriteOk(ctx, 'Would you like to override this current config?'))) {
      ctx.print.line('Project config was not changed.');
      return;
    }
  }
  context.purgeProjectCache(options, 'local');
  context.writeProjectCache({ ...data, owner: data.owner ?? owner }, options, 'local');
  ctx.print.success('Project was initialized');
  ctx.print.line('Make sure to add the local cache `.polyaxon` to your `.gitignore` and `.dockerignore` files.');
}

async function initFile(ctx: CommandContext, name: string, content: string, what: string): Promise<void> {
  const path = join(ctx.cwd, name);
  if (existsSync(path)) {
    ctx.print.warning(`Warning! A ${name} file was found.`);
    if (!(await overwriteOk(ctx, 'Would you like to override it?'))) {
      ctx.print.line(`${name} file was not changed.`);
      return;
    }
  }
  writeFileSync(path, content);
  ctx.print.success(what);
}

/** `px init [-p project] [--polyaxonfile] [--polyaxonignore] [--git-url ...] [-y]`. */
export async function init(ctx: CommandContext): Promise<number> {
  const project = stringOption(ctx.options, 'project');
  const gitConnection = stringOption(ctx.options, 'gitConnection');
  const gitUrl = stringOption(ctx.options, 'gitUrl');
  const polyaxonfile = flagOption(ctx.options, 'polyaxonfile');
  const polyaxonignore = flagOption(ctx.options, 'polyaxonignore');
  if (project === undefined && gitConnection === undefined && gitUrl === undefined && !polyaxonfile && !polyaxonignore) {
    ctx.print.warning('`px init` did not receive any valid option. Run `px init --help` for the options.');
    return 0;
  }
  if (project !== undefined) await initProject(ctx, project);
  if (gitConnection !== undefined || gitUrl !== undefined) {
    const config: Record<string, unknown> = {};
    if (gitConnection !== undefined) config.connection = gitConnection;
    if (gitUrl !== undefined) config.git = { url: gitUrl };
    await initFile(ctx, 'polyaxongit.yaml', toYaml(config), 'New polyaxongit.yaml file was created.');
  }
  if (polyaxonfile) {
    if (existsSync(join(ctx.cwd, 'polyaxonfile.yaml'))) ctx.print.line('A polyaxonfile.yaml was found in this project.');
    else {
      writeFileSync(join(ctx.cwd, 'polyaxonfile.yaml'), POLYAXONFILE_TEMPLATE);
      ctx.print.success('polyaxonfile.yaml was created successfully.');
    }
  }
  if (polyaxonignore) await initFile(ctx, '.polyaxonignore', POLYAXONIGNORE_TEMPLATE, 'New .polyaxonignore file was created.');
  return 0;
}
