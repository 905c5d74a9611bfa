// Compiles an operation into what px runs locally, and refuses bad input before anything starts:
// the main container (command + args, env, working dir), the init containers px can honour, and
// the run's kind (a job, a sweep over a matrix, or a pipeline).
import { accessSync, constants, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { compile, renderRuntime, toDict } from '@px/polyaxonfile/node';
import { CliError } from '../errors';
import { cellText } from '../output/table';
import { type Obj, isObj } from './is-obj';

/** A container as the executors run it. */
export interface ContainerPlan {
  readonly name: string;
  readonly image: string | undefined;
  /** `command` followed by `args`. */
  readonly command: readonly string[];
  /** Whether the Polyaxonfile gave a `command` (the docker entrypoint) or only `args`. */
  readonly hasCommand: boolean;
  readonly env: Readonly<Record<string, string>>;
  readonly workingDir: string | undefined;
  readonly resources: Readonly<Record<string, unknown>> | undefined;
  readonly ports: readonly number[];
}

/** An init container px honours. */
export type InitPlan =
  | { readonly kind: 'file'; readonly filename: string; readonly content: string; readonly chmod: string | undefined; readonly path: string | undefined }
  | { readonly kind: 'git'; readonly url: string; readonly revision: string | undefined; readonly path: string | undefined }
  | { readonly kind: 'artifacts'; readonly files: readonly string[]; readonly dirs: readonly string[]; readonly path: string | undefined };

/** A job (or service) ready to run. */
export interface JobPlan {
  readonly runKind: string;
  readonly main: ContainerPlan;
  readonly inits: readonly InitPlan[];
}

/** Values `{{ globals.* }}` sees. */
export interface RunGlobals {
  readonly owner: string;
  readonly project: string;
  readonly uuid: string;
  readonly name: string | undefined;
  readonly artifactsPath: string;
  readonly contextPath: string;
  readonly iteration?: number | undefined;
}

function strings(value: unknown, what: string): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) throw new CliError(`The container's \`${what}\` must be a list of strings, received ${JSON.stringify(value)}.`);
  return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
}

function globalsOf(g: RunGlobals): Obj {
  return {
    owner_name: g.owner,
    project_name: g.project,
    project_unique_name: `${g.owner}.${g.project}`,
    uuid: g.uuid,
    name: g.name ?? null,
    namespace: 'local',
    iteration: g.iteration ?? null,
    context_path: g.contextPath,
    artifacts_path: g.artifactsPath,
    run_artifacts_path: g.artifactsPath,
    run_outputs_path: `${g.artifactsPath}/outputs`,
    status: 'running',
  };
}

/**
 * Compiles one operation (its params merged) without rendering: throws the Polyaxonfile's own
 * errors (missing or wrong params, DAG cycles and unknown dependencies) before anything runs.
 */
export function compileOperation(operation: Obj, params: Obj = {}): Obj {
  const { matrix: _matrix, ...rest } = operation;
  return toDict(compile(rest, { params }));
}

/** The inputs of a compiled operation (`name → value`), what the run records as its inputs. */
export function inputsOf(compiled: Obj): Obj {
  const out: Obj = {};
  for (const io of Array.isArray(compiled.inputs) ? (compiled.inputs as unknown[]) : []) {
    if (isObj(io) && typeof io.name === 'string' && io.value !== undefined) out[io.name] = io.value;
  }
  return out;
}

function envOf(container: Obj, compiled: Obj): Record<string, string> {
  const env: Record<string, string> = {};
  for (const io of [...(Array.isArray(compiled.inputs) ? (compiled.inputs as unknown[]) : []), ...(Array.isArray(compiled.outputs) ? (compiled.outputs as unknown[]) : [])]) {
    if (isObj(io) && typeof io.toEnv === 'string' && io.value !== undefined && io.value !== null) env[io.toEnv] = typeof io.value === 'string' ? io.value : JSON.stringify(io.value);
  }
  for (const item of Array.isArray(container.env) ? (container.env as unknown[]) : []) {
    if (!isObj(item) || typeof item.name !== 'string') continue;
    if (item.valueFrom !== undefined) throw new CliError(`The environment variable \`${item.name}\` uses \`valueFrom\` (a Kubernetes secret or field), which local runs cannot resolve; give it a \`value\`.`);
    env[item.name] = cellText(item.value);
  }
  if (Array.isArray(container.envFrom) && container.envFrom.length > 0) throw new CliError('The container uses `envFrom` (Kubernetes config maps or secrets), which local runs cannot resolve.');
  return env;
}

function initsOf(run: Obj): InitPlan[] {
  const inits: InitPlan[] = [];
  const refused: string[] = [];
  for (const init of Array.isArray(run.init) ? (run.init as unknown[]) : []) {
    if (!isObj(init)) continue;
    const path = typeof init.path === 'string' ? init.path : undefined;
    if (isObj(init.file)) {
      inits.push({ kind: 'file', filename: cellText(init.file.filename ?? 'file'), content: cellText(init.file.content), chmod: typeof init.file.chmod === 'string' ? init.file.chmod : undefined, path });
    } else if (isObj(init.git) && typeof init.git.url === 'string' && init.connection === undefined) {
      inits.push({ kind: 'git', url: init.git.url, revision: typeof init.git.revision === 'string' ? init.git.revision : undefined, path });
    } else if (isObj(init.artifacts) && init.connection === undefined) {
      inits.push({ kind: 'artifacts', files: strings(init.artifacts.files, 'artifacts.files'), dirs: strings(init.artifacts.dirs, 'artifacts.dirs'), path });
    } else {
      const kind = ['dockerfile', 'tensorboard', 'paths', 'lineageRef', 'modelRef', 'artifactRef', 'container', 'git', 'artifacts'].find((k) => init[k] !== undefined && init[k] !== null);
      refused.push(init.connection === undefined ? (kind ?? 'an empty init') : `${kind ?? 'an init'} with the connection \`${cellText(init.connection)}\``);
    }
  }
  if (refused.length > 0) {
    throw new CliError(`Local runs support init containers of kind file, git (a URL or a local repository) and artifacts; this operation also has: ${refused.join(', ')}.`);
  }
  return inits;
}

/**
 * Renders a compiled job with the run's globals (and upstream ops' outputs for pipelines) into
 * the containers px runs.
 *
 * @throws {@link CliError} for what local runs cannot honour, naming it
 */
export function planJob(compiled: Obj, globals: RunGlobals, extra: Obj = {}): JobPlan {
  const rendered: Obj = toDict(renderRuntime(compiled, { globals: globalsOf(globals), ...extra }));
  const run = isObj(rendered.run) ? rendered.run : {};
  const runKind = String(run.kind);
  if (runKind !== 'job' && runKind !== 'service') {
    throw new CliError(`Local runs execute jobs, services, matrices and dags; this operation's run is of kind \`${runKind}\`.`);
  }
  const connections = Array.isArray(run.connections) ? (run.connections as unknown[]) : [];
  if (connections.length > 0) throw new CliError(`Local runs cannot mount connections; this operation uses: ${connections.map(String).join(', ')}.`);
  const container = isObj(run.container) ? run.container : {};
  const command = [...strings(container.command, 'command'), ...strings(container.args, 'args')];
  const ports = runKind === 'service' && Array.isArray(run.ports) ? (run.ports as unknown[]).filter((p): p is number => typeof p === 'number') : [];
  return {
    runKind,
    main: {
      name: 'polyaxon-main',
      image: typeof container.image === 'string' ? container.image : undefined,
      command,
      hasCommand: strings(container.command, 'command').length > 0,
      env: envOf(container, compiled),
      workingDir: typeof container.workingDir === 'string' ? container.workingDir : undefined,
      resources: isObj(container.resources) ? container.resources : undefined,
      ports,
    },
    inits: initsOf(run),
  };
}

/** Checks what the process executor needs: a command, and a readable working directory. */
export function checkProcessJob(plan: JobPlan, cwd: string): void {
  if (plan.main.command.length === 0) {
    throw new CliError('The component has no `command` (nor `args`): the process executor runs the main container\'s command on this machine and cannot use the image\'s entrypoint; add a `command`, or use `--executor docker`.');
  }
  if (plan.main.workingDir !== undefined) {
    const dir = resolve(cwd, plan.main.workingDir);
    let ok = false;
    try {
      ok = statSync(dir).isDirectory();
      accessSync(dir, constants.R_OK | constants.X_OK);
    } catch {
      ok = false;
    }
    if (!ok) throw new CliError(`The container's workingDir \`${plan.main.workingDir}\` (${dir}) is not a readable directory on this machine.`);
  }
}

/** Checks what the docker executor needs: an image. */
export function checkDockerJob(plan: JobPlan): void {
  if (plan.main.image === undefined) throw new CliError('The main container has no `image`: the docker executor needs one.');
}
