import { TrackingNotInitializedError } from './errors';
import { Run, type RunOptions } from './run/run';

let current: Run | undefined;

function run(fn: string): Run {
  if (current === undefined) {
    throw new TrackingNotInitializedError(`tracking.${fn}() was called before tracking.init(): call \`await tracking.init({...})\` first.`);
  }
  return current;
}

/**
 * Starts a run and makes it the current one for the module-level functions
 * (upstream's `tracking.init`). See {@link RunOptions}.
 *
 * @param options - upstream's parameters in camelCase
 * @returns the run
 * @example
 * ```ts
 * import { tracking } from '@px/tracking';
 * await tracking.init({ isOffline: true, project: 'demo' });
 * tracking.logMetrics({ loss: 0.5 }, { step: 1 });
 * await tracking.end();
 * ```
 */
export async function init(options: RunOptions = {}): Promise<Run> {
  current = await Run.init(options);
  return current;
}

/**
 * The current run, or the given one, else a new one (upstream's `get_or_create_run`).
 *
 * @param trackingRun - a run to use instead of the current one
 * @returns the run
 */
export async function getOrCreateRun(trackingRun?: Run): Promise<Run> {
  if (trackingRun) return trackingRun;
  return current ?? init();
}

/**
 * The current run, if `init()` was called.
 *
 * @returns the run or `undefined`
 */
export function currentRun(): Run | undefined {
  return current;
}

// Plain `keyof Run` (no mapped type filtering the methods): the filtered union of a class this size
// made some builds fail with TS2590; every export below is typed by the method it names anyway.
function delegate<K extends keyof Run>(name: K): Run[K] {
  return ((...args: unknown[]) => {
    const target = run(name);
    return (target[name] as (...a: unknown[]) => unknown).apply(target, args);
  }) as Run[K];
}

/** Module-level `logMetric` of the current run. */
export const logMetric: Run['logMetric'] = delegate('logMetric');
/** Module-level `logMetrics` of the current run. */
export const logMetrics: Run['logMetrics'] = delegate('logMetrics');
/** Module-level `logText` of the current run. */
export const logText: Run['logText'] = delegate('logText');
/** Module-level `logHtml` of the current run. */
export const logHtml: Run['logHtml'] = delegate('logHtml');
/** Module-level `logImage` of the current run. */
export const logImage: Run['logImage'] = delegate('logImage');
/** Module-level `logImageWithBoxes` of the current run. */
export const logImageWithBoxes: Run['logImageWithBoxes'] = delegate('logImageWithBoxes');
/** Module-level `logAudio` of the current run. */
export const logAudio: Run['logAudio'] = delegate('logAudio');
/** Module-level `logVideo` of the current run. */
export const logVideo: Run['logVideo'] = delegate('logVideo');
/** Module-level `logHistogram` of the current run. */
export const logHistogram: Run['logHistogram'] = delegate('logHistogram');
/** Module-level `logNpHistogram` of the current run. */
export const logNpHistogram: Run['logNpHistogram'] = delegate('logNpHistogram');
/** Module-level `logRocAucCurve` of the current run. */
export const logRocAucCurve: Run['logRocAucCurve'] = delegate('logRocAucCurve');
/** Module-level `logSklearnRocAucCurve` of the current run. */
export const logSklearnRocAucCurve: Run['logSklearnRocAucCurve'] = delegate('logSklearnRocAucCurve');
/** Module-level `logPrCurve` of the current run. */
export const logPrCurve: Run['logPrCurve'] = delegate('logPrCurve');
/** Module-level `logSklearnPrCurve` of the current run. */
export const logSklearnPrCurve: Run['logSklearnPrCurve'] = delegate('logSklearnPrCurve');
/** Module-level `logCurve` of the current run. */
export const logCurve: Run['logCurve'] = delegate('logCurve');
/** Module-level `logConfusionMatrix` of the current run. */
export const logConfusionMatrix: Run['logConfusionMatrix'] = delegate('logConfusionMatrix');
/** Module-level `logVegaChart` (upstream `log_altair_chart`) of the current run. */
export const logVegaChart: Run['logVegaChart'] = delegate('logVegaChart');
/** Alias of {@link logVegaChart} with upstream's name. */
export const logAltairChart: Run['logVegaChart'] = delegate('logVegaChart');
/** Module-level `logPlotlyChart` of the current run. */
export const logPlotlyChart: Run['logPlotlyChart'] = delegate('logPlotlyChart');
/** Module-level `logBokehChart` of the current run. */
export const logBokehChart: Run['logBokehChart'] = delegate('logBokehChart');
/** Module-level `logDataframe` of the current run. */
export const logDataframe: Run['logDataframe'] = delegate('logDataframe');
/** Module-level `logModel` of the current run. */
export const logModel: Run['logModel'] = delegate('logModel');
/** Module-level `logArtifact` of the current run. */
export const logArtifact: Run['logArtifact'] = delegate('logArtifact');
/** Module-level `logArtifactRef` of the current run. */
export const logArtifactRef: Run['logArtifactRef'] = delegate('logArtifactRef');
/** Module-level `logModelRef` of the current run. */
export const logModelRef: Run['logModelRef'] = delegate('logModelRef');
/** Module-level `logFileRef` of the current run. */
export const logFileRef: Run['logFileRef'] = delegate('logFileRef');
/** Module-level `logDirRef` of the current run. */
export const logDirRef: Run['logDirRef'] = delegate('logDirRef');
/** Module-level `logDataRef` of the current run. */
export const logDataRef: Run['logDataRef'] = delegate('logDataRef');
/** Module-level `logTensorboardRef` of the current run. */
export const logTensorboardRef: Run['logTensorboardRef'] = delegate('logTensorboardRef');
/** Module-level `logCodeRef` of the current run. */
export const logCodeRef: Run['logCodeRef'] = delegate('logCodeRef');
/** Module-level `logEnv` of the current run. */
export const logEnv: Run['logEnv'] = delegate('logEnv');
/** Module-level `logArtifactLineage` of the current run. */
export const logArtifactLineage: Run['logArtifactLineage'] = delegate('logArtifactLineage');
/** Module-level `logInputs` of the current run. */
export const logInputs: Run['logInputs'] = delegate('logInputs');
/** Module-level `logOutputs` of the current run. */
export const logOutputs: Run['logOutputs'] = delegate('logOutputs');
/** Module-level `logMeta` of the current run. */
export const logMeta: Run['logMeta'] = delegate('logMeta');
/** Module-level `logTags` of the current run. */
export const logTags: Run['logTags'] = delegate('logTags');
/** Module-level `logProgress` of the current run. */
export const logProgress: Run['logProgress'] = delegate('logProgress');
/** Module-level `logStatus` of the current run. */
export const logStatus: Run['logStatus'] = delegate('logStatus');
/** Module-level `logSucceeded` of the current run. */
export const logSucceeded: Run['logSucceeded'] = delegate('logSucceeded');
/** Module-level `logStopped` of the current run. */
export const logStopped: Run['logStopped'] = delegate('logStopped');
/** Module-level `logFailed` of the current run. */
export const logFailed: Run['logFailed'] = delegate('logFailed');
/** Module-level `setName` of the current run. */
export const setName: Run['setName'] = delegate('setName');
/** Module-level `setDescription` of the current run. */
export const setDescription: Run['setDescription'] = delegate('setDescription');
/** Module-level `getArtifactsPath` of the current run. */
export const getArtifactsPath: Run['getArtifactsPath'] = delegate('getArtifactsPath');
/** Module-level `getOutputsPath` of the current run. */
export const getOutputsPath: Run['getOutputsPath'] = delegate('getOutputsPath');
/** Module-level `persistRun` of the current run. */
export const persistRun: Run['persistRun'] = delegate('persistRun');
/** Module-level `end` of the current run. */
export const end: Run['end'] = delegate('end');
/** Module-level `setReadme` of the current run. */
export const setReadme: Run['setReadme'] = delegate('setReadme');
/** Module-level `collectSummaries` of the current run. */
export const collectSummaries: Run['collectSummaries'] = delegate('collectSummaries');
/** Module-level `pushOfflineRun` of the current run. */
export const pushOfflineRun: Run['pushOfflineRun'] = delegate('pushOfflineRun');
/** Module-level `pullRemoteRun` of the current run. */
export const pullRemoteRun: Run['pullRemoteRun'] = delegate('pullRemoteRun');
/** Module-level `promoteToModelVersion` of the current run. */
export const promoteToModelVersion: Run['promoteToModelVersion'] = delegate('promoteToModelVersion');
/** Module-level `promoteToArtifactVersion` of the current run. */
export const promoteToArtifactVersion: Run['promoteToArtifactVersion'] = delegate('promoteToArtifactVersion');
/** Module-level `endWithReport` of the current run. */
export const endWithReport: Run['endWithReport'] = delegate('endWithReport');
/** Module-level `logTrace` of the current run. */
export const logTrace: Run['logTrace'] = delegate('logTrace');
/** Module-level `getTensorboardPath` of the current run. */
export const getTensorboardPath: Run['getTensorboardPath'] = delegate('getTensorboardPath');
