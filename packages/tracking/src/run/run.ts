import { existsSync, mkdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import {
  BackgroundWriteError,
  compactJson,
  formatPyFloat,
  isDoneStatus,
  isPendingStatus,
  nowIso,
  PolyaxonClient,
  RunClient,
  runToJson,
  type BackgroundFailure,
  type CreateRunOptions,
  type LogStatusOptions,
  type QueuedTask,
  type V1Run,
  type V1RunArtifact,
  type V1Statuses,
  repairTornWrites,
} from '@px/client';
import { parseLaxBool, resolveContext, type ResolvedContext } from '@px/context';
import { TrackingError } from '../errors';
import { auc, averagePrecision, precisionRecallCurve, rocCurve } from '../media/curves';
import type { DataframeRows } from '../media/dataframe';
import { checkHistogram, computeHistogram } from '../media/histogram';
import type { PixelInput } from '../media/image';
import { readEncodedImageInfo } from '../media/png';
import { eventName, getBaseFilename, getPathExtension, sanitizeFilename } from '../names';
import { nowMicros, toPyDateTime, type PyDateTime, type TimestampInput } from '../serialization/py-datetime';
import { pyJsonDumps, type JsonInput, type JsonObject } from '../serialization/py-json';
import { collectRunSummaries } from '../summaries/collect-summaries';
import { EventFileWriter, type MetricFile } from '../writer/event-file-writer';
import { artifactAsset, audioAsset, boxesImageAsset, dataframeAsset, imageAsset, modelAsset, videoAsset } from './asset-events';
import { getCodeRef, type CodeRef } from './code-ref';
import { getRunEnv, shortHash } from './env-info';
import { annotationText, assertStep, confusionValue, curveValue, histogramValue, isPlainObject, toMetricValue } from './event-values';
import { registerExitHook, unregisterExitHook, type ExitCause, type SyncFinalizer } from './exit-hooks';
import { copyInto, hashPath, listFiles, writeAsset } from './files';
import { LogsCapture } from './logs-capture';
import { spanValue, type TraceSpan } from './trace-span';
import { postJsonSync } from './post-sync';
import type { RunArtifact } from './run-artifact';
import { SystemResources } from './system-resources';

/** Options of `tracking.init()` / {@link Run.init}, upstream's parameters in camelCase. */
export interface RunOptions {
  /** Owner (organisation); default from the context, then `default`. */
  owner?: string;
  /** Project; required online unless resolvable from the context. */
  project?: string;
  /** Resume this run instead of creating one. */
  runUuid?: string;
  /** The API client (default: a new `PolyaxonClient` from the resolved context). */
  client?: PolyaxonClient;
  /** Log the git code reference of new runs (default true). */
  trackCode?: boolean;
  /** Write `outputs/env.json` and its lineage (default true). */
  trackEnv?: boolean;
  /** Capture stdout/stderr lines into `plxlogs/` for new online runs (default true). */
  trackLogs?: boolean;
  /** Refresh the run from the API when resuming (default false). */
  refreshData?: boolean;
  /** Run artifacts root (default per upstream's rules). */
  artifactsPath?: string;
  /** Write events to disk (default: offline, new or sidecar runs; env `POLYAXON_COLLECT_ARTIFACTS`). */
  collectArtifacts?: boolean;
  /** Log system resources (default as `collectArtifacts`; env `POLYAXON_COLLECT_RESOURCES`). */
  collectResources?: boolean;
  /** Force creating a new run. */
  isNew?: boolean;
  /** Offline mode: no API at all, the run folder is written under the offline root. */
  isOffline?: boolean;
  /** No-op mode: every call does nothing (also `POLYAXON_NO_OP`). */
  noOp?: boolean;
  /** Name of a new run. */
  name?: string;
  /** Description of a new run. */
  description?: string;
  /** Tags of a new run. */
  tags?: string[];
  /** Create the run when new or offline (default true). */
  autoCreate?: boolean;
  /** Environment to resolve the context from (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Home directory holding the CLI config (default `os.homedir()`). */
  homeDir?: string;
  /** Working directory holding the local `.polyaxon/` cache (default `process.cwd()`). */
  cwd?: string;
  /** Event flush interval in ms (upstream: 10 s). */
  flushIntervalMs?: number;
  /** Resource sampling and online sync interval in ms (upstream: 10 s). */
  syncIntervalMs?: number;
  /** Where warnings go (default `console.warn`). */
  warn?: (message: string) => void;
  /** Flush and finalise on exit, signals and uncaught errors (default true). */
  exitHooks?: boolean;
}

/** Step and timestamp of an event. */
export interface LogOptions {
  /** The step (an integer). */
  step?: number;
  /** The event time (default: now, UTC, microseconds). */
  timestamp?: TimestampInput;
}

/** What {@link Run.end} did and waited for. */
export interface EndReport {
  /** The final status. */
  status: string | undefined;
  /** Events written to disk by this process. */
  eventsWritten: number;
  /** Events still in memory (non-zero only when the disk failed). */
  eventsPending: number;
  /** API calls that did not complete before the timeout (online only). */
  apiCallsPending: string[];
  /** What `end()` waited for, in order. */
  waitedFor: string[];
  /** Whether the time budget ran out. */
  timedOut: boolean;
}

type Resolved = ResolvedContext;

/**
 * A tracked run (upstream's `traceml` `Run`): metrics, media, curves,
 * artifacts and statuses written to the run folder in upstream's formats,
 * synced to the API online, kept in the offline run folder offline, or
 * ignored in no-op mode. Create it with {@link Run.init} (or `tracking.init`).
 */
export class Run extends RunClient implements SyncFinalizer {
  /** Whether this process created the run. */
  readonly isNew: boolean;
  /** Whether the run is managed by the platform (in-cluster). */
  readonly isManaged: boolean;
  private artifactsRoot: string | undefined;
  private outputsRoot: string | undefined;
  private events: EventFileWriter | undefined;
  private resources: EventFileWriter | undefined;
  private resourceSampler: SystemResources | undefined;
  private resourceTimer: NodeJS.Timeout | undefined;
  private sidecarTimer: NodeJS.Timeout | undefined;
  private sidecarRunning: Promise<void> | undefined;
  private readonly uploaded = new Map<string, string>();
  private readonly online: boolean;
  private readonly ownsClient: boolean;
  private readonly results = new Map<string, number>();
  private readonly nameCache = new Map<string, string>();
  private readonly metricFiles = new Map<string, MetricFile>();
  private readonly warn: (message: string) => void;
  private readonly ctx: Resolved | undefined;
  private readonly flushIntervalMs: number;
  private readonly syncIntervalMs: number;
  private readonly useExitHooks: boolean;
  private hasSidecar = false;
  private ownsLifecycle = false;
  private logs: LogsCapture | undefined;
  private ending: Promise<EndReport> | undefined;
  private warnedNoWriter = false;
  private metricsFlagged = false;
  /** Set while `end()` finishes an offline run: status changes wait for its one final write of the record. */
  private finalPersistPending = false;
  private warnedApiFailure = false;
  /** The last status logged, for the exit path, which posts it synchronously. */
  private lastStatus: { status: V1Statuses; options: LogStatusOptions } | undefined;
  /** Offline, after `init()`: `run.plx.json` is rewritten on every status, so a killed run leaves its record. */
  private keepRecordOnDisk = false;

  private constructor(options: RunOptions, ctx: Resolved | undefined, noOp: boolean) {
    const source = {
      ...(options.env !== undefined ? { env: options.env } : {}),
      ...(options.homeDir !== undefined ? { homeDir: options.homeDir } : {}),
      ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    };
    const isOffline = noOp ? false : (ctx?.isOffline.value ?? false);
    let onError = (_failure: BackgroundFailure): void => undefined;
    const client = options.client ?? new PolyaxonClient({ context: source, config: { isOffline, noOp }, onError: (failure) => onError(failure) });
    // Offline, a managed run instance (POLYAXON_IS_MANAGED + POLYAXON_RUN_INSTANCE, as `px run --local` sets them) names
    // the run to resume, so a bare `tracking.init()` attaches to the run folder px created.
    const managedUuid = isOffline && ctx?.runUuid.source === 'in-cluster' ? ctx.runUuid.value : undefined;
    super({ owner: options.owner, project: options.project, runUuid: options.runUuid ?? managedUuid, client, isOffline, noOp });
    this.ownsClient = options.client === undefined;
    this.ctx = ctx;
    this.warn = options.warn ?? ((m) => console.warn(`[px] ${m}`));
    onError = (failure) => this.apiFailed(failure);
    this.isManaged = noOp ? false : (ctx?.isManaged.value ?? false);
    this.isNew = !noOp && (options.isNew === true || (this.runUuid === undefined && !this.isManaged));
    this.flushIntervalMs = options.flushIntervalMs ?? 10_000;
    this.syncIntervalMs = options.syncIntervalMs ?? 10_000;
    this.useExitHooks = options.exitHooks ?? true;
    this.online = !this.isOffline && !noOp;
  }

  /**
   * Resolves the context and starts a run as upstream's `Run(...)` does:
   * creates it (online POST, or locally offline) when new, resumes an
   * offline folder or an existing run otherwise, logs the environment and
   * the code reference, starts the event and resource writers and the
   * online sync, and records `created`/`running`.
   *
   * @param options - upstream's parameters
   * @returns the started run
   * @throws {@link TrackingError} when an online run has no project or no API backend
   */
  static async init(options: RunOptions = {}): Promise<Run> {
    const env = options.env ?? process.env;
    const ctx = resolveContext({
      env,
      ...(options.homeDir !== undefined ? { homeDir: options.homeDir } : {}),
      ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
      ...(options.owner !== undefined ? { owner: options.owner } : {}),
      ...(options.project !== undefined ? { project: options.project } : {}),
      ...(options.runUuid !== undefined ? { runUuid: options.runUuid } : {}),
      ...(options.isOffline !== undefined ? { isOffline: options.isOffline } : {}),
      ...(options.noOp !== undefined ? { noOp: options.noOp } : {}),
    });
    const run = new Run(options, ctx, ctx.noOp.value);
    if (run.noOp) return run;
    if (!run.isOffline && run.client.config.noOp) return run;
    if (run.noOp) return run;
    await run.startRun(options, env);
    return run;
  }

  /**
   * A run on which every call does nothing (upstream's no-op mode).
   *
   * @returns the no-op run
   */
  static noOpRun(): Run {
    return new Run({}, undefined, true);
  }

  /** The local run record (`V1Run` fields in upstream's order, as in `run.plx.json`), a copy. */
  get runRecord(): Readonly<JsonObject> {
    return JSON.parse(runToJson(this.runData)) as JsonObject;
  }

  /** Events accepted but not yet written. */
  get pendingEvents(): number {
    return (this.events?.pendingEvents ?? 0) + (this.resources?.pendingEvents ?? 0);
  }

  /**
   * Not available on a tracking run, as upstream: start a new run with
   * `Run.init({ isNew: true })` instead.
   *
   * @throws {@link TrackingError} always
   */
  override create(_options?: CreateRunOptions): Promise<V1Run> {
    return Promise.reject(
      new TrackingError('The tracking `Run` does not allow calling `create` manually; start a new run with `Run.init({ isNew: true })`.'),
    );
  }

  private apiPath(...rest: string[]): string {
    const parts = ['api', 'v1', this.owner ?? '', this.project ?? '', 'runs', this.runUuid ?? '', ...rest];
    return `/${parts.map((p) => encodeURIComponent(p)).join('/')}`;
  }

  /**
   * Queues a background API write in the client's ordered queue; tracking
   * writes are retried until `end()` (the client's `retryUntilFlush`).
   */
  protected override enqueue(operation: string, task: QueuedTask): void {
    super.enqueue(operation, task, { retryUntilFlush: true });
  }

  /** Warns about failed API writes of this run's own client: once while they are retried, and for each one refused. */
  private apiFailed(failure: BackgroundFailure): void {
    const reason = failure.error instanceof Error ? failure.error.message : String(failure.error);
    if (failure.retrying !== true) {
      this.warn(`Polyaxon API call failed (${failure.operation}): ${reason}. It is not retried (the server refused it); events stay on disk.`);
    } else if (!this.warnedApiFailure) {
      this.warnedApiFailure = true;
      this.warn(`Polyaxon API call failed (${failure.operation}): ${reason}. Training continues; events stay on disk and calls are retried in the background.`);
    }
  }

  private async startRun(options: RunOptions, env: Readonly<Record<string, string | undefined>>): Promise<void> {
    const ctx = this.ctx!;
    const sidecarEnv = env.POLYAXON_HAS_PROCESS_SIDECAR;
    // Upstream treats any non-empty value (even `false`) as enabled; px parses it as a boolean.
    const hasProcessSidecar = sidecarEnv !== undefined && sidecarEnv !== '' && parseLaxBool(sidecarEnv) !== false;
    const autoCreate = options.autoCreate ?? true;
    if (autoCreate && (this.isNew || this.isOffline)) {
      const tags = options.tags !== undefined && options.tags.length > 0 ? options.tags : undefined;
      await super.create({ name: options.name, description: options.description, tags });
      if (!this.runUuid) throw new TrackingError('The API did not return the uuid of the created run.');
    } else if (this.runUuid !== undefined && this.online && (options.refreshData === true || this.isManaged)) {
      await this.refresh();
    }
    if (this.runUuid === undefined) throw new TrackingError('No run uuid: pass runUuid, or let the run be created (isNew / autoCreate).');

    this.setArtifactsPath(options.artifactsPath);
    // An offline run folder that already has run.plx.json is resumed (upstream loads it with the same uuid).
    const resumed = this.isOffline && (await RunClient.loadOfflineRun({ path: this.artifactsRoot!, runClient: this })) !== null;
    const collectArtifacts = options.collectArtifacts ?? ctx.collectArtifacts.value ?? (this.isOffline || this.isNew || hasProcessSidecar);
    if (collectArtifacts) {
      this.events = this.makeWriter('events');
      const collectResources = options.collectResources ?? ctx.collectResources.value ?? (this.isOffline || this.isNew || hasProcessSidecar);
      if (collectResources) this.startResources();
      if (hasProcessSidecar || (!this.isOffline && !this.isManaged)) this.hasSidecar = true;
    }
    if (options.trackEnv ?? true) this.logEnv();
    if ((this.isNew || hasProcessSidecar) && (options.trackCode ?? true) && !this.isOffline) this.logCodeRef();
    if ((this.isNew || hasProcessSidecar) && !this.isOffline && (options.trackLogs ?? true)) this.logs = new LogsCapture(this.artifactsRoot!, env);
    this.ownsLifecycle = this.isOffline || this.isNew || hasProcessSidecar;
    if (!this.ownsLifecycle && this.isManaged && this.useExitHooks) registerExitHook(this);
    if (this.ownsLifecycle) {
      if (this.isOffline && (!resumed || this.status === null)) {
        this.logStatus('created', { reason: 'OfflineOperation', message: 'Operation is starting' });
      }
      if (this.status === null || isPendingStatus(this.status)) this.start();
      if (this.useExitHooks) registerExitHook(this);
      // on disk from the start: a run killed before end() is still listed and pushed by `px ops ls/push --offline`
      if (this.isOffline) this.keepRecordOnDisk = true;
      this.saveOfflineRecord();
    }
    if (this.hasSidecar) this.startSidecar();
  }

  private makeWriter(backend: 'events' | 'resources'): EventFileWriter {
    // a run resumed after a kill -9 may end in a torn row: cut it before appending
    repairTornWrites(this.artifactsRoot!);
    return new EventFileWriter({
      runPath: this.artifactsRoot!,
      backend,
      flushIntervalMs: this.flushIntervalMs,
      onWriteError: (error) =>
        this.warn(`Could not write ${backend} to ${this.artifactsRoot}: ${error instanceof Error ? error.message : String(error)}. They stay in memory and are retried.`),
    });
  }

  private setArtifactsPath(explicit: string | undefined): void {
    const ctx = this.ctx!;
    const uuid = this.runUuid!;
    const contextArtifacts = join(ctx.contextRoot.value, 'artifacts');
    let path: string;
    if (explicit) path = resolve(explicit);
    else if (this.isOffline) path = join(ctx.offlineRoot.value, 'runs', uuid);
    else if (this.isManaged) path = this.isNew ? join(contextArtifacts, '_related_runs', uuid) : join(contextArtifacts, uuid);
    else path = join(ctx.artifactsRoot.value, uuid);
    this.artifactsRoot = path;
    this.outputsRoot = join(path, 'outputs');
    try {
      mkdirSync(this.outputsRoot, { recursive: true });
    } catch (error) {
      this.warn(`Could not create ${this.outputsRoot}: ${(error as Error).message}`);
    }
  }

  // ---------------------------------------------------------------- paths

  /**
   * The run artifacts root, or a path inside it.
   *
   * @param relPath - optional path relative to the root
   * @returns the absolute path
   */
  getArtifactsPath(relPath?: string): string | undefined {
    if (this.noOp || this.artifactsRoot === undefined) return undefined;
    return relPath ? join(this.artifactsRoot, relPath) : this.artifactsRoot;
  }

  /**
   * The run outputs folder, or a path inside it (parents created).
   *
   * @param relPath - optional path relative to `outputs/`
   * @returns the absolute path
   */
  getOutputsPath(relPath?: string): string | undefined {
    if (this.noOp || this.outputsRoot === undefined) return undefined;
    if (!relPath) return this.outputsRoot;
    const path = join(this.outputsRoot, relPath);
    mkdirSync(join(path, '..'), { recursive: true });
    return path;
  }

  /**
   * A tensorboard folder under the outputs (created), recorded once as a
   * `tensorboard` lineage reference (meta `has_tensorboard`).
   *
   * @param relPath - path under `outputs/` (default `tensorboard`)
   * @returns the absolute path
   */
  getTensorboardPath(relPath = 'tensorboard'): string | undefined {
    const path = this.getOutputsPath(relPath);
    if (path === undefined) return undefined;
    mkdirSync(path, { recursive: true });
    this.logTensorboardRef(path);
    return path;
  }

  private sanitize(name: string): string {
    const ctx = this.ctx!;
    const uuid = this.runUuid ?? '';
    const base = join(ctx.contextRoot.value, 'artifacts', uuid);
    const prefixes = ['outputs', 'events', 'assets', 'resources'].map((d) => `${base}/${d}/`);
    prefixes.push(`${base}/`, `${join(ctx.offlineRoot.value, 'runs', uuid)}/`);
    return sanitizeFilename(name, prefixes, ctx.contextRoot.value);
  }

  /** The writer's buffer for the metric logged as `key`, remembered by key (so a call does one lookup per metric). */
  private metricFileOf(writer: EventFileWriter, key: string): MetricFile {
    const file = writer.metricFile(this.metricName(key));
    if (this.metricFiles.size < 10_000) this.metricFiles.set(key, file);
    return file;
  }

  private metricName(name: string): string {
    let fqn = this.nameCache.get(name);
    if (fqn === undefined) {
      fqn = eventName(name);
      if (this.nameCache.size < 10_000) this.nameCache.set(name, fqn);
    }
    return fqn;
  }

  private writer(what: string): EventFileWriter | undefined {
    if (this.events === undefined && !this.warnedNoWriter) {
      this.warnedNoWriter = true;
      this.warn(`Could not log ${what}: event collection is disabled for this run (collectArtifacts is false).`);
    }
    return this.events;
  }

  // ---------------------------------------------------------------- meta flags

  private logHasEvents(): void {
    if (this.metaInfo.has_events !== true) this.logMeta({ has_events: true });
  }

  private logHasMetrics(): void {
    const meta = this.metaInfo;
    if (meta.has_metrics === true && meta.has_events === true) return;
    const data: Record<string, boolean> = {};
    if (meta.has_metrics !== true) data.has_metrics = true;
    if (meta.has_events !== true) data.has_events = true;
    this.logMeta(data);
  }

  private logHasModel(): void {
    if (this.metaInfo.has_model !== true) this.logMeta({ has_model: true });
  }

  // ---------------------------------------------------------------- metrics

  /**
   * Logs one metric value; the last value of each name also becomes an
   * output at the end of the run.
   *
   * @param name - the metric name (sanitised: `val/loss` → `val__loss`)
   * @param value - a number (booleans become 1.0/0.0)
   * @param options - step and timestamp
   * @throws {@link TrackingError} on a bad name, value, step or timestamp
   */
  logMetric(name: string, value: number, options: LogOptions = {}): void {
    if (this.noOp) return;
    const fqn = this.metricName(name);
    const v = toMetricValue(value, name);
    if (!this.metricsFlagged) {
      this.logHasMetrics();
      this.metricsFlagged = true;
    }
    const writer = this.writer('metrics');
    if (!writer) return;
    this.addMetric(writer, fqn, v, options);
    this.results.set(fqn, v);
  }

  /**
   * Logs several metrics at one step. Never waits for the disk: values are
   * buffered and written in the background (see the README's writer section).
   *
   * @param metrics - name → value
   * @param options - step and timestamp shared by all values
   * @throws {@link TrackingError} on a bad name, value, step or timestamp
   * @example
   * ```ts
   * run.logMetrics({ loss: 0.25, accuracy: 0.9 }, { step: 3 });
   * ```
   */
  logMetrics(metrics: Readonly<Record<string, number>>, options: LogOptions = {}): void {
    if (this.noOp) return;
    if (typeof metrics !== 'object' || metrics === null) throw new TrackingError('logMetrics expects an object of name → number.');
    if (!this.metricsFlagged) {
      this.logHasMetrics();
      this.metricsFlagged = true;
    }
    const writer = this.events ?? this.writer('metrics');
    if (!writer) return;
    const { step, timestamp } = options;
    assertStep(step);
    if (timestamp === undefined) {
      const ts = nowMicros();
      for (const key in metrics) {
        const value = metrics[key];
        const file = this.metricFiles.get(key) ?? this.metricFileOf(writer, key);
        writer.addMetricTo(file, typeof value === 'number' ? value : toMetricValue(value, key), step, ts);
      }
      return;
    }
    for (const key in metrics) this.addMetric(writer, this.metricName(key), toMetricValue(metrics[key], key), options);
  }

  private addMetric(writer: EventFileWriter, name: string, value: number, { step, timestamp }: LogOptions): void {
    assertStep(step);
    if (timestamp === undefined) {
      writer.addMetric(name, value, step, nowMicros());
      return;
    }
    const ts = toPyDateTime(timestamp);
    if (ts.offsetMinutes === 0) writer.addMetric(name, value, step, ts.epochMicros);
    else writer.addRow('metric', name, step, ts, formatPyFloat(value));
  }

  private eventTime(timestamp: TimestampInput | undefined): number | PyDateTime {
    return timestamp === undefined ? nowMicros() : toPyDateTime(timestamp);
  }

  private addEvent(kind: string, name: string, options: LogOptions, value: string): void {
    assertStep(options.step);
    const ts = this.eventTime(options.timestamp);
    this.logHasEvents();
    const writer = this.writer(`${kind} events`);
    writer?.addRow(kind, name, options.step, ts, value);
  }

  // ---------------------------------------------------------------- text, html, charts

  /**
   * Logs a text event (JSON lines, `events/text/<name>.plx`).
   *
   * @param name - the event name
   * @param text - the text
   * @param options - step and timestamp
   */
  logText(name: string, text: string, options: LogOptions = {}): void {
    if (this.noOp) return;
    if (typeof text !== 'string') throw new TrackingError('logText expects a string.');
    this.addEvent('text', this.sanitize(name), options, text);
  }

  /**
   * Logs an HTML event (JSON lines, `events/html/<name>.plx`).
   *
   * @param name - the event name
   * @param html - the HTML
   * @param options - step and timestamp
   */
  logHtml(name: string, html: string, options: LogOptions = {}): void {
    if (this.noOp) return;
    if (typeof html !== 'string') throw new TrackingError('logHtml expects a string.');
    this.addEvent('html', this.sanitize(name), options, html);
  }

  /**
   * Logs a Vega-Lite specification (upstream's `log_altair_chart`).
   *
   * @param name - the chart name
   * @param spec - the Vega-Lite JSON spec
   * @param options - step and timestamp
   */
  logVegaChart(name: string, spec: Readonly<Record<string, unknown>>, options: LogOptions = {}): void {
    if (this.noOp) return;
    if (!isPlainObject(spec)) throw new TrackingError('logVegaChart expects a Vega-Lite spec object.');
    this.addEvent('chart', this.sanitize(name), options, compactJson({ kind: 'vega', figure: spec as JsonInput }));
  }

  /**
   * Logs a Plotly figure (`{data, layout}` JSON), written with Python's JSON
   * spacing as upstream's plotly encoder does.
   *
   * @param name - the chart name
   * @param figure - the Plotly figure JSON
   * @param options - step and timestamp
   */
  logPlotlyChart(name: string, figure: Readonly<Record<string, unknown>>, options: LogOptions = {}): void {
    if (this.noOp) return;
    if (!isPlainObject(figure)) throw new TrackingError('logPlotlyChart expects a Plotly figure object.');
    this.addEvent('chart', this.sanitize(name), options, pyJsonDumps({ kind: 'plotly', figure: figure as JsonInput }));
  }

  /**
   * Logs a Bokeh `json_item` document.
   *
   * @param name - the chart name
   * @param item - the Bokeh JSON item
   * @param options - step and timestamp
   */
  logBokehChart(name: string, item: Readonly<Record<string, unknown>>, options: LogOptions = {}): void {
    if (this.noOp) return;
    if (!isPlainObject(item)) throw new TrackingError('logBokehChart expects a Bokeh json_item object.');
    this.addEvent('chart', this.sanitize(name), options, compactJson({ kind: 'bokeh', figure: item as JsonInput }));
  }

  /**
   * Logs a trace span (LLM call, chain, agent step, ...) as a `span` event
   * (`events/span/<name or trace>.plx`); its inputs and outputs are also
   * merged into the run's inputs and outputs, as upstream's `log_trace`.
   *
   * @param span - the span
   * @param options - step and timestamp
   */
  logTrace(span: TraceSpan, options: LogOptions = {}): void {
    if (this.noOp || !span) return;
    const value = spanValue(span);
    const name = this.sanitize(span.name ?? 'trace');
    const meta = this.metaInfo;
    if (meta.has_traces !== true) this.logMeta({ has_traces: true, has_events: true });
    this.addEvent('span', name, options, value);
    if (span.inputs && Object.keys(span.inputs).length > 0) this.logInputs(span.inputs);
    if (span.outputs && Object.keys(span.outputs).length > 0) this.logOutputs(span.outputs);
  }

  // ---------------------------------------------------------------- curves

  /**
   * Logs a ROC curve from precomputed points.
   *
   * @param name - the curve name
   * @param fpr - false positive rates (x)
   * @param tpr - true positive rates (y)
   * @param options - `auc` annotation, step and timestamp
   */
  logRocAucCurve(name: string, fpr: ArrayLike<number>, tpr: ArrayLike<number>, options: LogOptions & { auc?: number } = {}): void {
    if (this.noOp) return;
    this.logCurveValue(this.sanitize(name), 'roc', fpr, tpr, annotationText(options.auc), options);
  }

  /**
   * Logs a precision-recall curve from precomputed points.
   *
   * @param name - the curve name
   * @param precision - precision values (x)
   * @param recall - recall values (y)
   * @param options - `averagePrecision` annotation, step and timestamp
   */
  logPrCurve(
    name: string,
    precision: ArrayLike<number>,
    recall: ArrayLike<number>,
    options: LogOptions & { averagePrecision?: number } = {},
  ): void {
    if (this.noOp) return;
    this.logCurveValue(this.sanitize(name), 'pr', precision, recall, annotationText(options.averagePrecision), options);
  }

  /**
   * Logs a custom curve.
   *
   * @param name - the curve name
   * @param x - x values
   * @param y - y values
   * @param options - annotation, step and timestamp
   */
  logCurve(name: string, x: ArrayLike<number>, y: ArrayLike<number>, options: LogOptions & { annotation?: unknown } = {}): void {
    if (this.noOp) return;
    this.logCurveValue(this.sanitize(name), 'custom', x, y, annotationText(options.annotation), options);
  }

  private logCurveValue(name: string, kind: string, x: ArrayLike<number>, y: ArrayLike<number>, annotation: string | undefined, options: LogOptions): void {
    this.addEvent('curve', name, options, curveValue(kind, x, y, annotation));
  }

  /**
   * Computes a ROC curve and its AUC from labels and scores (like
   * `sklearn.metrics.roc_curve` + `auc`) and logs it. With `isMultiClass`,
   * `yPreds` is one row of class scores per sample and one curve per class
   * is logged as `<name>_<i>`.
   *
   * @param name - the curve name
   * @param yPreds - scores (or rows of per-class scores)
   * @param yTargets - true labels
   * @param options - step, timestamp, isMultiClass
   */
  logSklearnRocAucCurve(
    name: string,
    yPreds: ArrayLike<number> | readonly (readonly number[])[],
    yTargets: ArrayLike<unknown>,
    options: LogOptions & { isMultiClass?: boolean } = {},
  ): void {
    if (this.noOp) return;
    this.logComputedCurves(name, yPreds, yTargets, options, (scores, targets, pos) => {
      const points = rocCurve(targets, scores, pos);
      return { kind: 'roc', ...points, annotation: formatPyFloat(auc(points.x, points.y)) };
    });
  }

  /**
   * Computes a precision-recall curve and average precision from labels and
   * scores (like sklearn) and logs it.
   *
   * @param name - the curve name
   * @param yPreds - scores (or rows of per-class scores)
   * @param yTargets - true labels
   * @param options - step, timestamp, isMultiClass
   */
  logSklearnPrCurve(
    name: string,
    yPreds: ArrayLike<number> | readonly (readonly number[])[],
    yTargets: ArrayLike<unknown>,
    options: LogOptions & { isMultiClass?: boolean } = {},
  ): void {
    if (this.noOp) return;
    this.logComputedCurves(name, yPreds, yTargets, options, (scores, targets, pos) => {
      const points = precisionRecallCurve(targets, scores, pos);
      return { kind: 'pr', ...points, annotation: formatPyFloat(averagePrecision(targets, scores, pos)) };
    });
  }

  private logComputedCurves(
    rawName: string,
    yPreds: ArrayLike<number> | readonly (readonly number[])[],
    yTargets: ArrayLike<unknown>,
    options: LogOptions & { isMultiClass?: boolean },
    compute: (scores: number[], targets: ArrayLike<unknown>, pos: unknown) => { kind: string; x: number[]; y: number[]; annotation: string },
  ): void {
    const name = this.sanitize(rawName);
    const emit = (eventName: string, scores: number[], pos: unknown): void => {
      const c = compute(scores, yTargets, pos);
      this.logCurveValue(eventName, c.kind, c.x, c.y, c.annotation, options);
    };
    if (options.isMultiClass) {
      const rows = Array.from(yPreds as ArrayLike<readonly number[]>);
      const classes = [...new Set(Array.from(yTargets))].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : 1));
      classes.forEach((cls, i) => {
        emit(`${name}_${i}`, rows.map((row) => {
          const v = Array.isArray(row) ? (row as number[])[i] : undefined;
          if (typeof v !== 'number') throw new TrackingError(`yPreds rows must hold one score per class (${classes.length}).`);
          return v;
        }), cls);
      });
    } else {
      emit(name, Array.from(yPreds as ArrayLike<number>, Number), undefined);
    }
  }

  /**
   * Logs a confusion matrix; `x`, `y` and `z` must have the same length and
   * every row of `z` that length too.
   *
   * @param name - the event name
   * @param x - column labels
   * @param y - row labels
   * @param z - the matrix
   * @param options - step and timestamp
   * @throws {@link TrackingError} when the shapes do not match
   */
  logConfusionMatrix(name: string, x: readonly unknown[], y: readonly unknown[], z: readonly (readonly unknown[])[], options: LogOptions = {}): void {
    if (this.noOp) return;
    this.addEvent('confusion', this.sanitize(name), options, confusionValue(x, y, z));
  }

  // ---------------------------------------------------------------- histograms

  /**
   * Logs a histogram computed from raw values (`numpy.histogram`).
   *
   * @param name - the event name
   * @param values - the samples
   * @param bins - number of bins or bin edges
   * @param options - maxBins (default 512), step and timestamp
   */
  logHistogram(name: string, values: ArrayLike<number>, bins: number | readonly number[], options: LogOptions & { maxBins?: number } = {}): void {
    if (this.noOp) return;
    const hist = computeHistogram(values, bins);
    this.logNpHistogram(name, hist.counts, hist.edges, options);
  }

  /**
   * Logs a precomputed histogram. As upstream, `values` are the per-bin
   * counts and `counts` the bin edges (one more item).
   *
   * @param name - the event name
   * @param values - per-bin counts
   * @param counts - bin edges
   * @param options - maxBins, step and timestamp
   */
  logNpHistogram(name: string, values: ArrayLike<number>, counts: ArrayLike<number>, options: LogOptions & { maxBins?: number } = {}): void {
    if (this.noOp) return;
    const hist = checkHistogram(values, counts, options.maxBins);
    this.addEvent('histogram', this.sanitize(name), options, histogramValue(hist));
  }

  // ---------------------------------------------------------------- images, audio, video

  /**
   * Logs an image: a file path (copied), encoded PNG/JPEG/GIF bytes, or raw
   * pixels in upstream's layouts (`CHW` default, `HWC`, `HW`, `NCHW`),
   * encoded as PNG.
   *
   * @param data - path, bytes or pixels
   * @param options - name (default: the file's base name or `image`), step, timestamp, rescale, dataformats, ext
   */
  logImage(
    data: string | Uint8Array | PixelInput,
    options: LogOptions & { name?: string; rescale?: number; dataformats?: string; ext?: string } = {},
  ): void {
    if (this.noOp) return;
    assertStep(options.step);
    const isFile = typeof data === 'string';
    if (isFile && !existsSync(data)) throw new TrackingError(`The image file ${data} does not exist.`);
    let ext = options.ext ?? 'png';
    let name = options.name;
    if (isFile) {
      name ??= getBaseFilename(data);
      ext = getPathExtension(data) || ext;
    } else if (data instanceof Uint8Array) {
      ext = options.ext ?? readEncodedImageInfo(data).ext;
    }
    name = this.sanitize(name ?? 'image');
    const value = imageAsset({ root: this.requireRoot(), name, step: options.step }, data, ext, options);
    this.addEvent('image', name, options, value);
  }

  /**
   * Logs raw pixels with red bounding boxes (`[xmin, ymin, xmax, ymax]`).
   *
   * @param image - the pixels
   * @param boxes - the boxes
   * @param options - name (default `figure`), step, timestamp, rescale, dataformats
   */
  logImageWithBoxes(
    image: PixelInput,
    boxes: readonly (readonly number[])[],
    options: LogOptions & { name?: string; rescale?: number; dataformats?: string } = {},
  ): void {
    if (this.noOp) return;
    assertStep(options.step);
    const name = this.sanitize(options.name ?? 'figure');
    const value = boxesImageAsset({ root: this.requireRoot(), name, step: options.step }, image, boxes, options);
    this.addEvent('image', name, options, value);
  }

  /**
   * Logs audio: a file path (copied) or mono samples in [-1, 1] (WAV).
   *
   * @param data - path or samples
   * @param options - name, sampleRate (44100), contentType, step, timestamp
   */
  logAudio(data: string | ArrayLike<number>, options: LogOptions & { name?: string; sampleRate?: number; contentType?: string } = {}): void {
    if (this.noOp) return;
    assertStep(options.step);
    const isFile = typeof data === 'string';
    if (isFile && !existsSync(data)) throw new TrackingError(`The audio file ${data} does not exist.`);
    let ext = options.contentType ?? 'wav';
    let name = options.name;
    if (isFile) {
      name ??= getBaseFilename(data);
      ext = getPathExtension(data) || ext;
    }
    name = this.sanitize(name ?? 'audio');
    const value = audioAsset({ root: this.requireRoot(), name, step: options.step }, data, ext, options);
    this.addEvent('audio', name, options, value);
  }

  /**
   * Logs a video file (copied; content type from its extension, default `gif`).
   *
   * @param path - the video file
   * @param options - name, contentType, step, timestamp
   */
  logVideo(path: string, options: LogOptions & { name?: string; contentType?: string } = {}): void {
    if (this.noOp) return;
    assertStep(options.step);
    if (typeof path !== 'string' || !existsSync(path)) throw new TrackingError(`The video file ${path} does not exist.`);
    const contentType = getPathExtension(path) || options.contentType || 'gif';
    const name = this.sanitize(options.name ?? getBaseFilename(path));
    this.addEvent('video', name, options, videoAsset({ root: this.requireRoot(), name, step: options.step }, path, contentType));
  }

  /**
   * Logs a table as a dataframe asset: rows of records (written like pandas'
   * `to_csv`/`to_html`) or CSV text (written as is).
   *
   * @param data - rows or CSV text
   * @param name - the event name
   * @param options - contentType (`csv` or `html`), step, timestamp
   * @throws {@link TrackingError} for another content type
   */
  logDataframe(data: DataframeRows | string, name: string, options: LogOptions & { contentType?: 'csv' | 'html' } = {}): void {
    if (this.noOp) return;
    assertStep(options.step);
    const eventName = this.sanitize(name);
    const value = dataframeAsset({ root: this.requireRoot(), name: eventName, step: options.step }, data, options.contentType ?? 'csv');
    this.addEvent('dataframe', eventName, options, value);
  }

  // ---------------------------------------------------------------- models and artifacts

  /**
   * Logs a model file or directory. With a step: a `model` event and an asset
   * copy; without: a copy into `outputs/` plus a `model` lineage record.
   *
   * @param path - the model file or directory
   * @param options - name, framework, summary, step, timestamp, relPath, skipHashCalculation
   */
  logModel(
    path: string,
    options: LogOptions & { name?: string; framework?: string; summary?: Record<string, unknown>; relPath?: string; skipHashCalculation?: boolean } = {},
  ): void {
    if (this.noOp) return;
    assertStep(options.step);
    if (typeof path !== 'string' || !existsSync(path)) throw new TrackingError(`The model path ${path} does not exist.`);
    const name = this.sanitize(options.name ?? getBaseFilename(path));
    if (options.step !== undefined) {
      this.logHasModel();
      this.addEvent('model', name, options, modelAsset({ root: this.requireRoot(), name, step: options.step }, path, options.framework, options.summary));
      return;
    }
    const target = copyInto(path, this.outputDir(options.relPath));
    this.logModelRef(target, {
      name,
      framework: options.framework,
      summary: options.summary,
      relPath: relative(this.requireRoot(), target),
      skipHashCalculation: options.skipHashCalculation,
    });
  }

  /**
   * Logs an artifact file or directory. With a step: an event of `kind` and
   * an asset copy; without: a copy into `outputs/` plus a lineage record.
   *
   * @param path - the file or directory
   * @param options - name, kind (default `file`), summary, step, timestamp, relPath, skipHashCalculation
   */
  logArtifact(
    path: string,
    options: LogOptions & { name?: string; kind?: string; summary?: Record<string, unknown>; relPath?: string; skipHashCalculation?: boolean } = {},
  ): void {
    if (this.noOp) return;
    assertStep(options.step);
    if (typeof path !== 'string' || !existsSync(path)) throw new TrackingError(`The artifact path ${path} does not exist.`);
    const name = this.sanitize(options.name ?? getBaseFilename(path));
    const kind = options.kind ?? 'file';
    if (options.step !== undefined) {
      this.addEvent(kind, name, options, artifactAsset({ root: this.requireRoot(), name, step: options.step }, path, kind));
      return;
    }
    const target = copyInto(path, this.outputDir(options.relPath));
    this.logArtifactRef(target, kind, {
      name,
      summary: options.summary,
      relPath: relative(this.requireRoot(), target),
      skipHashCalculation: options.skipHashCalculation,
    });
  }

  private outputDir(relPath: string | undefined): string {
    const dir = relPath ? join(this.outputsRoot!, relPath) : this.outputsRoot!;
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  private requireRoot(): string {
    if (this.artifactsRoot === undefined) throw new TrackingError('The run has no artifacts path.');
    return this.artifactsRoot;
  }

  private contextRootFor(): string {
    return this.isOffline ? this.ctx!.offlineRoot.value : join(this.ctx!.contextRoot.value, 'artifacts');
  }

  private lineagePath(filepath: string, relPath: string | undefined): string | undefined {
    if (relPath) return relPath;
    if (!this.runUuid) return filepath;
    const marker = `${this.runUuid}/`;
    const at = filepath.indexOf(marker);
    if (at >= 0) return filepath.slice(at + marker.length);
    const abs = isAbsolute(filepath) ? filepath : resolve(filepath);
    for (const base of [this.artifactsRoot, join(this.contextRootFor(), this.runUuid), this.contextRootFor()]) {
      if (base && abs.includes(base)) return relative(base, abs);
    }
    return abs;
  }

  /**
   * Records a lineage reference to a file or directory (upstream's
   * `log_artifact_ref`): summary `path` + 12-char MD5 `hash`.
   *
   * @param path - the file or directory
   * @param kind - the artifact kind
   * @param options - name, hash, content, summary, isInput, relPath, skipHashCalculation
   */
  logArtifactRef(
    path: string,
    kind: string,
    options: { name?: string; hash?: string; content?: unknown; summary?: Record<string, unknown>; isInput?: boolean; relPath?: string; skipHashCalculation?: boolean } = {},
  ): void {
    if (this.noOp) return;
    const summary: JsonObject = {};
    for (const [k, v] of Object.entries(options.summary ?? {})) summary[k] = v as JsonInput;
    if (options.hash) summary.hash = options.hash;
    else if (options.content !== undefined && !options.skipHashCalculation) summary.hash = shortHash(compactJson(options.content));
    if (path) {
      const exists = existsSync(path);
      summary.path = exists ? relative(this.contextRootFor(), resolve(path)) : path;
      if (!summary.hash && !options.skipHashCalculation && exists) {
        summary.path = resolve(path);
        summary.hash = hashPath(path);
      }
    }
    const name = options.name ?? (path ? getBaseFilename(path) : undefined);
    if (!name) return;
    const artifact: RunArtifact = {
      name: this.sanitize(name),
      kind,
      ...(path ? { path: this.lineagePath(path, options.relPath) } : {}),
      summary,
      is_input: options.isInput ?? false,
    };
    this.logArtifactLineage([artifact]);
  }

  /**
   * Records a model lineage reference (`summary.framework`, meta `has_model`).
   *
   * @param path - the model path
   * @param options - name, framework, summary, isInput, relPath, skipHashCalculation
   */
  logModelRef(
    path: string,
    options: { name?: string; framework?: string | undefined; summary?: Record<string, unknown> | undefined; isInput?: boolean; relPath?: string; skipHashCalculation?: boolean | undefined } = {},
  ): void {
    if (this.noOp) return;
    this.logHasModel();
    this.logArtifactRef(path, 'model', {
      ...(options.name !== undefined ? { name: options.name } : {}),
      summary: { ...(options.summary ?? {}), framework: options.framework ?? null },
      isInput: options.isInput ?? false,
      ...(options.relPath !== undefined ? { relPath: options.relPath } : {}),
      ...(options.skipHashCalculation !== undefined ? { skipHashCalculation: options.skipHashCalculation } : {}),
    });
  }

  /**
   * Records a file lineage reference.
   *
   * @param path - the file
   * @param options - as {@link Run.logArtifactRef}
   */
  logFileRef(path: string, options: Parameters<Run['logArtifactRef']>[2] = {}): void {
    this.logArtifactRef(path, 'file', options);
  }

  /**
   * Records a directory lineage reference (name defaults to the directory's base name).
   *
   * @param path - the directory
   * @param options - as {@link Run.logArtifactRef}
   */
  logDirRef(path: string, options: Parameters<Run['logArtifactRef']>[2] = {}): void {
    this.logArtifactRef(path, 'dir', { ...options, name: options?.name ?? path.split('/').filter(Boolean).pop() ?? path });
  }

  /**
   * Records a data lineage reference (an input by default).
   *
   * @param name - the data name
   * @param options - path, hash, content, summary, isInput, skipHashCalculation
   */
  logDataRef(name: string, options: { path?: string; hash?: string; content?: unknown; summary?: Record<string, unknown>; isInput?: boolean; skipHashCalculation?: boolean } = {}): void {
    this.logArtifactRef(options.path ?? '', 'data', { ...options, name, isInput: options.isInput ?? true });
  }

  /**
   * Records the tensorboard folder once (meta `has_tensorboard`).
   *
   * @param path - the tensorboard directory
   * @param options - name (default `tensorboard`), isInput, relPath
   */
  logTensorboardRef(path: string, options: { name?: string; isInput?: boolean; relPath?: string } = {}): void {
    if (this.noOp || this.metaInfo.has_tensorboard === true) return;
    this.logArtifactRef(path, 'tensorboard', { ...options, name: options.name ?? 'tensorboard', skipHashCalculation: true });
    this.logMeta({ has_tensorboard: true });
  }

  /**
   * Records the git code reference (`{commit, branch, url}`) as a `coderef` input.
   *
   * @param codeRef - the reference (default: detected from the working directory)
   * @param isInput - default true
   */
  logCodeRef(codeRef?: CodeRef, isInput = true): void {
    if (this.noOp) return;
    const ref = codeRef ?? getCodeRef();
    if (!ref?.commit) return;
    this.logArtifactLineage([{ name: ref.commit, kind: 'coderef', summary: { ...ref }, is_input: isInput }]);
  }

  /**
   * Writes the environment (`outputs/env.json`, compact JSON) and its
   * `env` lineage record.
   *
   * @param relPath - file name under `outputs/` (default `env.json`)
   * @param content - the record (default: this process's environment)
   */
  logEnv(relPath = 'env.json', content?: Readonly<Record<string, unknown>>): void {
    if (this.noOp || this.outputsRoot === undefined || !existsSync(this.outputsRoot)) return;
    const data = (content ?? getRunEnv()) as JsonInput;
    const text = compactJson(data);
    const path = join(this.outputsRoot, relPath);
    writeAsset(path, text);
    this.logArtifactRef(path, 'env', { name: 'env', summary: { path, hash: shortHash(text) } });
  }

  // ---------------------------------------------------------------- run data

  private get metaInfo(): Readonly<Record<string, unknown>> {
    return this.runData.meta_info ?? {};
  }

  /**
   * Records lineage records (offline: cached by name; online: POSTed in the
   * background, retried until `end()`). Records without a name are skipped.
   *
   * @param body - one record or several
   */
  override logArtifactLineage(body: V1RunArtifact | readonly V1RunArtifact[] | readonly RunArtifact[]): void {
    if (this.noOp) return;
    const list = (Array.isArray(body) ? body : [body]) as readonly V1RunArtifact[];
    const artifacts = list.filter((a) => typeof a.name === 'string' && a.name !== '');
    if (artifacts.length > 0) super.logArtifactLineage(artifacts);
  }

  /**
   * Records a status (offline: appended to the run's conditions; online:
   * POSTed in the background, retried until `end()`).
   *
   * @param status - the status (`running`, `succeeded`, ...)
   * @param options - reason (default `PolyaxonClient`) and message
   */
  override logStatus(status: V1Statuses, options: LogStatusOptions = {}): void {
    if (this.noOp) return;
    super.logStatus(status, options);
    this.lastStatus = { status, options };
    this.saveOfflineRecord();
  }

  /** Offline, once `init()` is done: rewrites `run.plx.json` so the folder always holds the current record. */
  private saveOfflineRecord(): void {
    if (this.keepRecordOnDisk && this.artifactsRoot !== undefined && !this.finalPersistPending) this.persistRunSync(this.artifactsRoot);
  }

  // ---------------------------------------------------------------- resources and sync

  private startResources(): void {
    this.resources = this.makeWriter('resources');
    this.resourceSampler = new SystemResources(this.artifactsRoot!);
    const write = (values: [string, number][]): void => {
      const writer = this.resources;
      if (!writer || writer.isClosed || values.length === 0) return;
      const ts = nowMicros();
      for (const [name, value] of values) writer.addMetric(name, value, undefined, ts);
      writer.flushSync();
    };
    const sample = (): void => {
      try {
        write(this.resourceSampler!.sampleSync());
      } catch (error) {
        this.warn(`Could not sample system resources: ${(error as Error).message}`);
      }
      this.resourceSampler!.sampleGpu().then(write, () => undefined);
    };
    sample();
    this.resourceTimer = setInterval(sample, this.syncIntervalMs);
    this.resourceTimer.unref();
  }

  private startSidecar(): void {
    const tick = (): void => {
      this.sidecarRunning ??= this.syncOnline().finally(() => {
        this.sidecarRunning = undefined;
      });
    };
    setImmediate(tick).unref();
    this.sidecarTimer = setInterval(tick, this.syncIntervalMs);
    this.sidecarTimer.unref();
  }

  /**
   * Summaries of every event file under `events/` and `resources/`, as
   * upstream's `sync_events_summaries` builds them (resources as `system`).
   *
   * @returns lineage records and the last value of each metric
   */
  collectSummaries(): { artifacts: RunArtifact[]; lastValues: Record<string, JsonInput> } {
    if (!this.artifactsRoot) return { artifacts: [], lastValues: {} };
    const known = new Map([...(this.events?.summaryAccumulators() ?? []), ...(this.resources?.summaryAccumulators() ?? [])]);
    return collectRunSummaries(this.artifactsRoot, this.ctx?.artifactsStoreName.value, known);
  }

  private syncSummaries(): void {
    const { artifacts, lastValues } = this.collectSummaries();
    if (artifacts.length > 0) this.logArtifactLineage(artifacts);
    if (Object.keys(lastValues).length > 0) this.logOutputs(lastValues);
  }

  private async syncOnline(): Promise<void> {
    const root = this.artifactsRoot;
    if (!this.online || !root) return;
    this.events?.flushSync();
    this.resources?.flushSync();
    this.logs?.flush();
    this.syncSummaries();
    for (const file of listFiles(root)) {
      let stamp: string;
      try {
        const st = statSync(file);
        stamp = `${st.mtimeMs}:${st.size}`;
      } catch {
        continue;
      }
      if (this.uploaded.get(file) === stamp) continue;
      this.uploaded.set(file, stamp);
      const dir = relative(root, join(file, '..'));
      this.enqueue(`uploadArtifact ${relative(root, file)}`, (signal) => this.uploadArtifact(file, { path: dir === '.' ? '' : dir, signal }));
    }
    await Promise.resolve();
  }

  // ---------------------------------------------------------------- end

  /**
   * Ends the run (upstream's `end()`): records `succeeded` unless the run is
   * already done, closes the writers (every event on disk), writes the last
   * metric values as outputs, syncs event summaries, then offline persists
   * `run.plx.json` and `lineages.plx.json`, online uploads changed files and
   * waits for the background API calls. Never hangs: after `timeoutMs` it
   * returns and reports what is still pending. Idempotent.
   *
   * @param options - timeoutMs for API calls (default 30 s)
   * @returns what was done and waited for
   */
  override async end(options: { timeoutMs?: number } = {}): Promise<void> {
    await this.endWithReport(options);
  }

  /**
   * {@link Run.end}, resolving to what was done and waited for.
   *
   * @param options - timeoutMs for API calls (default 30 s)
   * @returns the report
   */
  endWithReport(options: { timeoutMs?: number } = {}): Promise<EndReport> {
    if (this.noOp) return Promise.resolve({ status: undefined, eventsWritten: 0, eventsPending: 0, apiCallsPending: [], waitedFor: [], timedOut: false });
    this.ending ??= this.doEnd(options.timeoutMs ?? 30_000);
    return this.ending;
  }

  private finishLocally(): string[] {
    const waited: string[] = [];
    unregisterExitHook(this);
    // Offline, the record is written once at the end, after the events and summaries:
    // not also before them with a `succeeded` status whose events are not on disk yet.
    this.finalPersistPending = this.isOffline && this.artifactsRoot !== undefined;
    let finished = false;
    try {
      this.finishWriters(waited);
      finished = true;
    } finally {
      this.finalPersistPending = false;
      // A failure on the way still leaves the final status on disk.
      if (!finished) this.saveOfflineRecord();
    }
    if (this.isOffline && this.artifactsRoot) {
      waited.push('offline run persisted (run.plx.json, lineages.plx.json)');
      this.persistRunSync(this.artifactsRoot);
    }
    return waited;
  }

  /** The final status, the writers' last flush, outputs and event summaries. */
  private finishWriters(waited: string[]): void {
    // Managed runs (in-cluster) leave statuses to the platform, as upstream's `_wait`.
    if (this.ownsLifecycle && !isDoneStatus(this.status)) {
      this.logStatus('succeeded', { message: 'Operation has succeeded' });
    }
    clearInterval(this.resourceTimer);
    clearInterval(this.sidecarTimer);
    if (this.logs) {
      waited.push('captured logs written');
      this.logs.stop();
    }
    if (this.events) {
      waited.push('event files flushed to disk');
      this.events.close();
    }
    if (this.resources) {
      waited.push('resource files flushed to disk');
      this.resources.close();
    }
    if (this.results.size > 0) this.logOutputs(Object.fromEntries(this.results));
    if (this.artifactsRoot) {
      waited.push('event summaries');
      this.syncSummaries();
    }
  }

  private async doEnd(timeoutMs: number): Promise<EndReport> {
    const waitedFor = this.finishLocally();
    let timedOut = false;
    let apiCallsPending: string[] = [];
    if (this.online) {
      if (this.sidecarRunning) await this.sidecarRunning;
      if (this.hasSidecar) {
        waitedFor.push('final upload of changed files');
        await this.syncOnline();
      }
      waitedFor.push('background API calls');
      apiCallsPending = await this.flushApi(timeoutMs);
      timedOut = apiCallsPending.length > 0;
      if (timedOut) this.keepUnsentForPush(apiCallsPending, timeoutMs);
    }
    if (this.ownsClient && !timedOut) {
      // Release keep-alive sockets so the process can exit once the run is over.
      await this.client.close().catch(() => undefined);
    }
    return {
      status: this.status ?? undefined,
      eventsWritten: (this.events?.writtenEvents ?? 0) + (this.resources?.writtenEvents ?? 0),
      eventsPending: this.pendingEvents,
      apiCallsPending,
      waitedFor,
      timedOut,
    };
  }

  /**
   * After `end()` timed out: gives up on the API calls still queued (their
   * requests are aborted, so nothing keeps the process alive) and writes the
   * run record in the offline format into the run folder, next to every
   * event, so `px ops push --path-from <folder>` sends the rest later
   * (runs whose lifecycle the platform owns only keep their events).
   */
  private keepUnsentForPush(pending: readonly string[], timeoutMs: number): void {
    this.client.abandonPendingWrites();
    const folder = this.artifactsRoot;
    // a managed (in-cluster) run's record belongs to the platform: only its events stay on disk
    if (folder === undefined || !this.ownsLifecycle) {
      this.warn(`end(): ${pending.length} API call(s) did not complete within ${timeoutMs} ms and were given up.`);
      return;
    }
    this.persistRunSync(folder);
    this.warn(
      `end(): ${pending.length} API call(s) did not complete within ${timeoutMs} ms and were given up; ` +
        `the run record and every event are kept in ${folder}: send them with \`px ops push --path-from ${folder}\`.`,
    );
  }

  /**
   * Synchronous finalisation for exit, signals and uncaught errors: records
   * `succeeded` (exit), `stopped` (signal) or `failed` (error), flushes all
   * events and, offline, persists the run folder. Online API calls that
   * cannot complete synchronously stay unsent (events are on disk).
   *
   * @param cause - why the process is going away
   */
  finalizeSync(cause: ExitCause): void {
    if (this.noOp || this.ending) return;
    if (!this.ownsLifecycle) {
      // managed run: flush only
    } else if (cause.kind === 'error') {
      const error = cause.error;
      const type = error instanceof Error ? error.name : typeof error;
      const value = error instanceof Error ? error.message : String(error);
      this.logStatus('failed', { reason: 'ExitHandler', message: `An exception was raised during the run. Type: ${type}, Value: ${value}` });
    } else if (cause.kind === 'signal') {
      this.logStatus('stopped', { reason: 'Signal', message: `The process received ${cause.signal}.` });
    }
    this.ending = Promise.resolve({ status: undefined, eventsWritten: 0, eventsPending: 0, apiCallsPending: [], waitedFor: [], timedOut: false });
    this.finishLocally();
    if (this.online && this.ownsLifecycle) this.postFinalStatusSync();
    if (this.online && this.client.pendingWrites > 0) {
      this.warn(`The process exited before ${this.client.pendingWrites} API call(s) completed; call \`await run.end()\` before exiting. Events are on disk in ${this.artifactsRoot}.`);
    }
  }

  /**
   * Waits for the client's background writes (retried until they land) for
   * at most `timeoutMs`.
   *
   * @returns the operations still queued when the time ran out
   */
  private async flushApi(timeoutMs: number): Promise<string[]> {
    try {
      await this.client.flush({ timeoutMs });
      return [];
    } catch (error) {
      if (!BackgroundWriteError.isInstance(error)) throw error;
      if (error.failures.length > 0) this.warn(`end(): ${error.message}`);
      return [...error.unsent];
    }
  }

  /** Sends the final status condition synchronously (exit and crash paths). */
  private postFinalStatusSync(): void {
    const last = this.lastStatus;
    if (last === undefined) return;
    const token = this.ctx?.token.value;
    const time = nowIso();
    const { reason = 'PolyaxonClient', message } = last.options;
    const condition = { type: last.status, status: true, reason, message, last_update_time: time, last_transition_time: time };
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (token) headers.Authorization = `${this.ctx?.authenticationType.value ?? 'Token'} ${token}`;
    const ok = postJsonSync(`${this.client.host}${this.apiPath('statuses')}`, headers, { condition });
    if (!ok) this.warn(`Could not record the final status ${last.status} on the API at exit.`);
  }

  /**
   * Writes the local run record to `path` (offline format), e.g. to export an online run.
   *
   * @param path - the folder (default: the artifacts root)
   */
  override persistRun(path?: string): Promise<void> {
    const dir = path ?? this.artifactsRoot;
    return dir === undefined ? Promise.resolve() : super.persistRun(dir);
  }

  /** Never prints the API token or the client. */
  override toJSON(): Record<string, unknown> {
    return { owner: this.owner, project: this.project, runUuid: this.runUuid, isOffline: this.isOffline, noOp: this.noOp, artifactsPath: this.artifactsRoot };
  }
}
