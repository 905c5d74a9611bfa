import { PolyaxonException } from '@px/errors';

/** Raised on invalid input to a tracking call (bad names, values, shapes or timestamps). */
export class TrackingError extends PolyaxonException {
  static override readonly marker: string = 'px.tracking.TrackingError';
}

/** Raised when a module-level tracking function is used before `tracking.init()`. */
export class TrackingNotInitializedError extends TrackingError {
  static override readonly marker: string = 'px.tracking.TrackingNotInitializedError';
}

/** Raised when an event is logged after the run's writer was closed by `end()`. */
export class WriterClosedError extends TrackingError {
  static override readonly marker: string = 'px.tracking.WriterClosedError';
}
