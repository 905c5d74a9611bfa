import { PolyaxonClientException } from '../errors/client-error';

/**
 * Asked-for metrics that a run does not have (the server answers
 * `{"data": []}` for them). Names the run and lists the metrics it has.
 */
export class MetricNotFoundError extends PolyaxonClientException {
  static override readonly marker: string = 'px.client.MetricNotFoundError';

  /** The metric names that were asked for but not found. */
  readonly missing: readonly string[];
  /** The run (uuid, or offline folder). */
  readonly run: string;
  /** The metric names the run has. */
  readonly available: readonly string[];

  /**
   * @param missing - the names not found
   * @param run - the run uuid or offline folder
   * @param available - the metric names the run has
   */
  constructor(missing: readonly string[], run: string, available: readonly string[]) {
    const list = missing.map((m) => `\`${m}\``).join(', ');
    const has = available.length === 0 ? 'it has no metrics' : `its metrics are: ${available.join(', ')}`;
    super(`Run ${run} has no metric ${list}; ${has}.`);
    this.missing = [...missing];
    this.run = run;
    this.available = [...available];
  }
}

/**
 * Data that cannot be charted or transformed: no finite values, a missing
 * scatter metric, a malformed event file or answer, a bad option. The
 * message says what and where.
 */
export class PlotDataError extends PolyaxonClientException {
  static override readonly marker: string = 'px.client.PlotDataError';
}
