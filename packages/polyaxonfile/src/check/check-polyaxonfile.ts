import type { V1Component } from '../schemas/component';
import { applyOperationContexts } from '../compile/apply-contexts';
import { compileOperation } from '../compile/compile-operation';
import { patchObject } from '../compile/patch';
import { PolyaxonfileError } from '../errors';
import { toLaxBool } from '../schemas/common';
import { pyRepr } from '../schemas/py-format';
import { isRecord, deepMerge } from '../read/plain-data';
import type { SpecData, SpecSource } from '../read/read-sources';
import { getSpecification, OperationSpecification } from '../specs/specifications';
import type { AnySpec } from '../specs/specifications';
import { componentInOperation, rememberSource, sourceOf } from '../specs/source-registry';
import { toDict } from '../specs/to-dict';
import { parseJson, parseYaml } from '../yaml/parse-yaml';
import type { SourceDocument } from '../yaml/parse-yaml';
import { hubComponentUrl } from './hub-ref';
import { normalizeCheckParams, parseHparams } from './parse-params';
import { fetchSpecText } from '../read/fetch-text';

/** Options of {@link checkPolyaxonfile} (upstream `check_polyaxonfile`, camelCased). */
export interface CheckOptions {
  /** The Polyaxonfile; with a list, the first is the spec and the rest are preset files applied in order. */
  readonly polyaxonfile?: SpecSource | readonly SpecSource[];
  /** Read the spec from this URL. */
  readonly url?: string;
  /** A hub component reference `[owner/]name[:version]`. */
  readonly hub?: string;
  /** Params: a mapping of name to value (or full param), or CLI `name=value` strings. */
  readonly params?: Readonly<Record<string, unknown>> | readonly string[];
  /** Hyper-parameters (`name=kind:value` strings or a mapping), turned into a `matrix`. */
  readonly hparams?: Readonly<Record<string, unknown>> | readonly string[];
  /** Matrix kind for `hparams` (default `grid`). */
  readonly matrixKind?: string;
  /** Matrix concurrency for `hparams` (default 1). */
  readonly matrixConcurrency?: number;
  /** Matrix `numRuns` for `hparams`. */
  readonly matrixNumRuns?: number;
  /** A full matrix (overrides `hparams`). */
  readonly matrix?: Readonly<Record<string, unknown>>;
  /** Names of server-side presets to record on the operation. */
  readonly presets?: readonly string[];
  /** Queue (`queue` or `agent/queue`). */
  readonly queue?: string;
  /** Namespace. */
  readonly namespace?: string;
  /** `cache`/`nocache` flags. */
  readonly cache?: boolean | string;
  /** Disable the cache. */
  readonly nocache?: boolean;
  /** `isApproved` to set. */
  readonly approved?: boolean | string;
  /**
   * A git initializer (`{ git: { url, revision }, connection }`, upstream `git_init`), added to the
   * operation's `runPatch.init` as a `pre_merge` preset after the preset files.
   */
  readonly gitInit?: Readonly<Record<string, unknown>>;
  /** Build an operation (default true). */
  readonly toOp?: boolean;
  /** Compile and validate params (default true). */
  readonly validateParams?: boolean;
  /** Ignore a `template` section. */
  readonly ignoreTemplate?: boolean;
  /** Host of a private hub (owners other than `polyaxon`). */
  readonly hubHost?: string;
  /** Fetch hub components from a git registry (`true` for the public one). */
  readonly gitRegistry?: string | boolean;
  /** Downloads a URL's text (default: global `fetch`). */
  readonly fetchText?: (url: string) => Promise<string>;
  /**
   * Seconds each remote read (`url`, `hub`, `urlRef`, `hubRef`) may take with the default `fetchText`;
   * `0` for no limit. Default 20, the API client's default timeout.
   */
  readonly timeout?: number;
  /** Reads a local path (the Node entry provides it; the browser has none). */
  readonly readPath?: (path: string, relativeTo?: string) => SourceDocument | undefined;
  /** Receives warnings (e.g. a spec marked as template). */
  readonly onWarning?: (message: string) => void;
}

function toBool(value: boolean | string | number, field: string): boolean {
  const bool = toLaxBool(value);
  if (bool !== undefined) return bool;
  throw new PolyaxonfileError(`Received an invalid boolean \`${String(value)}\` for ${field}.`, { stage: 'read', issues: [{ path: [field], message: 'invalid boolean', expected: 'true/false/yes/no/on/off/1/0', received: String(value) }] });
}

function fail(message: string, field = ''): never {
  throw new PolyaxonfileError(message, { stage: 'read', issues: [{ path: field === '' ? [] : [field], message }] });
}

function parseText(text: string, file: string): SourceDocument {
  const trimmed = text.trimStart();
  if (file.toLowerCase().endsWith('.json') || (trimmed.startsWith('{') && trimmed.includes('"content"'))) {
    try {
      const doc = parseJson(text, file);
      // A hub answer (the API's V1ProjectVersion, whose `kind` is `component`) carries the spec as text in
      // `content`; a Polyaxonfile always has a `version` and never a `content` field.
      if (isRecord(doc.value) && typeof doc.value.content === 'string' && doc.value.version === undefined) return parseYaml(doc.value.content, file);
      return doc;
    } catch {
      return parseYaml(text, file);
    }
  }
  return parseYaml(text, file);
}

function queueOf(queue: string): string {
  const parts = queue.replace(/\./g, '/').split('/');
  if (parts.length > 2) fail('Please provide a valid queue. The queue name should be: queue-name to use the default agent or agent-name/queue.', 'queue');
  return parts.join('/');
}

function wrap(error: unknown): never {
  if (PolyaxonfileError.isInstance(error)) {
    throw new PolyaxonfileError(`Polyaxonfile is not valid.\n${error.message}`, { stage: error.stage, issues: error.issues, cause: error });
  }
  const reason = error instanceof Error ? error.message : String(error);
  throw new PolyaxonfileError(`Polyaxonfile is not valid.\n${reason}`, { stage: 'read', issues: [{ path: [], message: reason }], cause: error });
}

/**
 * Checks a Polyaxonfile the way `polyaxon check` does (upstream
 * `check_polyaxonfile`): reads the spec from a file/text/object, a URL or
 * the hub; resolves an operation's component reference; with `toOp`
 * (default) builds the operation (params, presets, queue, cache...),
 * applies extra files as presets, and with `validateParams` (default)
 * compiles it and validates the params and the DAG.
 *
 * @returns the operation (with `toOp`) or the spec as read
 * @throws {@link PolyaxonfileError} (`Polyaxonfile is not valid.` with the real problems as `issues` and `cause`)
 * @example
 * ```ts
 * const op = await checkPolyaxonfile({
 *   polyaxonfile: 'version: 1.1\nkind: component\ninputs: [{name: lr, type: float}]\nrun: {kind: job, container: {image: x}}',
 *   params: { lr: 0.1 },
 * });
 * op.params; // { lr: { value: 0.1 } }
 * ```
 */
export async function checkPolyaxonfile(options: CheckOptions): Promise<AnySpec> {
  const files: readonly SpecSource[] =
    options.polyaxonfile === undefined ? [] : Array.isArray(options.polyaxonfile) ? (options.polyaxonfile as readonly SpecSource[]) : [options.polyaxonfile as SpecSource];
  if ([options.url, options.hub].filter((x) => x !== undefined && x !== '').length > 1) fail('You can only use one and only one option: hub, url, or a python module.');
  if (files.length === 0 && options.url === undefined && options.hub === undefined) {
    fail('Something went wrong, `checkPolyaxonfile` was called without a polyaxonfile, a hub component reference, a url or a python module.');
  }
  const toOp = options.toOp ?? true;
  if (options.hub !== undefined && !toOp) fail(`Something went wrong, calling hub component \`${options.hub}\` without operation.`, 'hub');
  if (options.cache !== undefined && options.nocache === true) fail("Received both 'cache' and 'nocache'");
  const params = normalizeCheckParams(options.params);
  const hparams = parseHparams(options.hparams);
  const fetchText = options.fetchText ?? ((url: string): Promise<string> => fetchSpecText(url, options.timeout === undefined ? {} : { timeout: options.timeout }));
  const readUrl = async (url: string): Promise<SourceDocument> => parseText(await fetchText(url), url);
  const hubUrl = (ref: string): string =>
    hubComponentUrl(ref, { ...(options.hubHost === undefined ? {} : { host: options.hubHost }), ...(options.gitRegistry === undefined ? {} : { gitRegistry: options.gitRegistry }) });
  const readRef = async (op: Record<string, unknown>, relativeTo: string | undefined): Promise<Record<string, unknown> | undefined> => {
    let doc: SourceDocument | undefined;
    let ref = '';
    if (typeof op.hubRef === 'string') {
      ref = op.hubRef;
      doc = await readUrl(hubUrl(op.hubRef));
    } else if (typeof op.urlRef === 'string') {
      ref = op.urlRef;
      doc = await readUrl(op.urlRef);
    } else if (typeof op.pathRef === 'string') {
      ref = op.pathRef;
      doc = options.readPath?.(op.pathRef, relativeTo);
      if (doc === undefined) fail(`Cannot read config_value: \`${op.pathRef}\``, 'pathRef');
    } else return undefined;
    const spec = getSpecification(doc);
    if (spec.kind !== 'component') fail(`the reference (${ref}) is of kind \`${spec.kind}\`, it should be a \`component\``, 'component');
    return toDict(spec);
  };
  const resolveDag = async (component: Record<string, unknown>, relativeTo: string | undefined): Promise<void> => {
    const run = component.run;
    if (!isRecord(run) || run.kind !== 'dag' || !Array.isArray(run.operations)) return;
    for (const op of run.operations) {
      if (!isRecord(op) || isRecord(op.component)) continue;
      try {
        const resolved = await readRef(op, relativeTo);
        if (resolved !== undefined) {
          await resolveDag(resolved, relativeTo);
          op.component = resolved;
        }
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const ref = String(op.hubRef ?? op.urlRef ?? op.pathRef);
        fail(`Pipeline op with name \`${String(op.name)}\` requires a component with ref \`${ref}\`, the reference could not be resolved. Error: ${reason}`, 'run');
      }
    }
  };
  try {
    let sourceFile: string | undefined;
    let source: SpecData;
    let presets: readonly SpecSource[];
    if (options.url !== undefined) {
      source = await readUrl(options.url);
      presets = files;
    } else if (options.hub !== undefined) {
      source = await readUrl(hubUrl(options.hub));
      presets = files;
    } else {
      const first = files[0]!;
      source = typeof first === 'string' ? (options.readPath?.(first) ?? first) : first;
      sourceFile = typeof source === 'object' && 'locate' in source && typeof source.file === 'string' ? source.file : undefined;
      presets = files.slice(1);
    }
    const spec = getSpecification(source);
    let specDict = toDict(spec);
    if (spec.kind === 'operation') {
      if (!isRecord(specDict.component) || typeof specDict.hubRef === 'string') {
        const resolved = isRecord(specDict.component) ? specDict.component : await readRef(specDict, sourceFile);
        if (resolved !== undefined) specDict = { ...specDict, component: resolved };
      }
      if (isRecord(specDict.component)) await resolveDag(specDict.component, sourceFile);
    } else if (spec.kind === 'component') {
      await resolveDag(specDict, sourceFile);
    }
    if (!toOp && options.hub === undefined) {
      if (options.ignoreTemplate !== true) warnTemplate(specDict, options.onWarning);
      return getSpecification(specDict);
    }
    const opData: Record<string, unknown> = { version: typeof specDict.version === 'number' ? specDict.version : 1.1, kind: 'operation' };
    // Upstream adds `params` only when there are some (`if params:`): no `-P` means no `params: {}`.
    if (params !== undefined && Object.keys(params).length > 0) opData.params = params;
    if (hparams !== undefined) {
      opData.matrix = {
        kind: options.matrixKind ?? 'grid',
        concurrency: options.matrixConcurrency ?? 1,
        params: hparams,
        ...(options.matrixNumRuns === undefined ? {} : { numRuns: options.matrixNumRuns }),
      };
    }
    if (options.matrix !== undefined) opData.matrix = options.matrix;
    if (options.presets !== undefined) opData.presets = [...options.presets];
    if (options.queue !== undefined) opData.queue = queueOf(options.queue);
    if (options.namespace !== undefined) opData.namespace = options.namespace;
    if (options.cache !== undefined) opData.cache = { disable: !toBool(options.cache, 'cache') };
    if (options.nocache === true) opData.cache = { disable: true };
    if (options.approved !== undefined) opData.isApproved = toBool(options.approved, 'approved');
    let opDict: Record<string, unknown>;
    if (spec.kind === 'operation') opDict = deepMerge(specDict, opData) as Record<string, unknown>;
    else opDict = { ...opData, component: specDict };
    if (options.hub !== undefined) opDict.hubRef = options.hub;
    let operation = OperationSpecification.read(opDict);
    const located = spec.kind === 'component' ? componentInOperation(sourceOf(spec)) : sourceOf(spec);
    rememberSource(operation, located);
    const gitPreset = options.gitInit === undefined ? [] : [{ kind: 'operation', isPreset: true, patchStrategy: 'pre_merge', runPatch: { init: [options.gitInit] } }];
    for (const preset of [...presets, ...gitPreset]) {
      const presetSpec = OperationSpecification.read(typeof preset === 'string' ? (options.readPath?.(preset) ?? preset) : preset, { isPreset: true });
      const patch = toDict(presetSpec);
      delete patch.isPreset;
      delete patch.kind;
      delete patch.version;
      const strategy = (presetSpec.patchStrategy ?? 'post_merge');
      delete patch.patchStrategy;
      operation = OperationSpecification.read(patchObject(toDict(operation), patch, strategy));
      rememberSource(operation, located);
    }
    if (options.ignoreTemplate !== true) warnTemplate(toDict(operation), options.onWarning);
    if (options.validateParams ?? true) {
      const compiled = compileOperation(operation);
      applyOperationContexts(compiled);
    }
    return operation;
  } catch (error) {
    return wrap(error);
  }
}

function warnTemplate(spec: Record<string, unknown>, onWarning: ((message: string) => void) | undefined): void {
  const component = isRecord(spec.component) ? (spec.component as Partial<V1Component>) : undefined;
  const template = isRecord(spec.template) ? spec.template : isRecord(component?.template) ? (component.template as Record<string, unknown>) : undefined;
  if (template === undefined || template.enabled !== true) return;
  const description = typeof template.description === 'string' && template.description !== '' ? `\ntemplate description: ${template.description}` : '';
  const fields = Array.isArray(template.fields) && template.fields.length > 0 ? `\ntemplate fields that need changes: ${pyRepr(template.fields)}` : '';
  onWarning?.(`This polyaxonfile was marked as template by the owner:${description}${fields}`);
}
