import { statSync } from 'node:fs';
import { TrackingError } from '../errors';
import { getAssetPath, getAssetRelPath } from '../events/event-paths';
import { rowsToCsv, rowsToHtml, type DataframeRows } from '../media/dataframe';
import { drawBoxes, rescaleImage, toHwcImage, type PixelInput } from '../media/image';
import { encodePng, readEncodedImageInfo } from '../media/png';
import { encodeWav } from '../media/wav';
import { getPathExtension } from '../names';
import { PyFloat } from '@px/client';
import { compactJson } from '@px/client';
import { type JsonInput } from '../serialization/py-json';
import { copyPath, writeAsset } from './files';

/** Where an event's asset goes: `<root>/assets/<kind>/<name>[_<step>][.<ext>]`. */
export interface AssetTarget {
  /** The run artifacts root. */
  root: string;
  /** The sanitised event name. */
  name: string;
  /** The step, when the event has one. */
  step: number | undefined;
}

function paths(t: AssetTarget, kind: string, ext: string | undefined): { abs: string; rel: string } {
  return { abs: getAssetPath(t.root, kind, t.name, t.step, ext), rel: getAssetRelPath(kind, t.name, t.step, ext) };
}

/**
 * Writes an image asset from a file (copied), encoded bytes (as is) or
 * pixels (PNG) and returns the image event value.
 *
 * @returns the compact JSON value
 */
export function imageAsset(
  t: AssetTarget,
  data: string | Uint8Array | PixelInput,
  ext: string,
  options: { rescale?: number | undefined; dataformats?: string | undefined },
): string {
  const { abs, rel } = paths(t, 'image', ext);
  if (typeof data === 'string') {
    copyPath(data, abs);
    return compactJson({ path: rel });
  }
  if (data instanceof Uint8Array) {
    const info = readEncodedImageInfo(data);
    writeAsset(abs, data);
    return compactJson({ height: info.height, width: info.width, colorspace: info.colorspace, path: rel });
  }
  const image = toHwcImage(data, options.dataformats ?? 'CHW');
  const scaled = rescaleImage(image, options.rescale ?? 1);
  writeAsset(abs, encodePng(scaled.width, scaled.height, scaled.channels, scaled.pixels));
  return compactJson({ height: image.height, width: image.width, colorspace: image.channels, path: rel });
}

/**
 * Writes pixels with red boxes as a PNG asset and returns the image value.
 *
 * @returns the compact JSON value
 */
export function boxesImageAsset(
  t: AssetTarget,
  image: PixelInput,
  boxes: readonly (readonly number[])[],
  options: { rescale?: number | undefined; dataformats?: string | undefined },
): string {
  const { abs, rel } = paths(t, 'image', 'png');
  const hwc = drawBoxes(toHwcImage(image, options.dataformats ?? 'CHW'), boxes);
  const scaled = rescaleImage(hwc, options.rescale ?? 1);
  writeAsset(abs, encodePng(scaled.width, scaled.height, scaled.channels, scaled.pixels));
  return compactJson({ height: hwc.height, width: hwc.width, colorspace: hwc.channels, path: rel });
}

/**
 * Writes an audio asset from a file (copied) or samples (WAV) and returns the audio value.
 *
 * @returns the compact JSON value
 */
export function audioAsset(
  t: AssetTarget,
  data: string | ArrayLike<number>,
  ext: string,
  options: { sampleRate?: number | undefined; contentType?: string | undefined },
): string {
  const { abs, rel } = paths(t, 'audio', ext);
  if (typeof data === 'string') {
    copyPath(data, abs);
    return compactJson({ path: rel, content_type: options.contentType });
  }
  const sampleRate = options.sampleRate ?? 44100;
  writeAsset(abs, encodeWav(data, sampleRate));
  return compactJson({ sample_rate: new PyFloat(sampleRate), num_channels: 1, length_frames: data.length, path: rel, content_type: 'audio/wav' });
}

/**
 * Copies a video file as an asset and returns the video value.
 *
 * @returns the compact JSON value
 */
export function videoAsset(t: AssetTarget, path: string, contentType: string): string {
  const { abs, rel } = paths(t, 'video', contentType);
  copyPath(path, abs);
  return compactJson({ path: rel, content_type: contentType });
}

/**
 * Writes a table (rows as pandas would, or CSV text as is) and returns the dataframe value.
 *
 * @returns the compact JSON value
 * @throws {@link TrackingError} for unsupported content types or data
 */
export function dataframeAsset(t: AssetTarget, data: DataframeRows | string, contentType: string): string {
  if (contentType !== 'csv' && contentType !== 'html') {
    throw new TrackingError(`The content_type \`${contentType}\` is not supported by the method log_dataframe. This method supports \`csv\` or \`html\`.`);
  }
  if (typeof data !== 'string' && !Array.isArray(data)) throw new TrackingError('logDataframe expects rows (an array of objects) or CSV text.');
  const { abs, rel } = paths(t, 'dataframe', contentType);
  writeAsset(abs, typeof data === 'string' ? data : contentType === 'csv' ? rowsToCsv(data) : rowsToHtml(data));
  return compactJson({ path: rel, content_type: contentType });
}

/**
 * Copies a model file or directory as an asset and returns the model value.
 *
 * @returns the compact JSON value
 */
export function modelAsset(t: AssetTarget, path: string, framework: string | undefined, summary: Record<string, unknown> | undefined): string {
  const ext = statSync(path).isFile() ? getPathExtension(path) : undefined;
  const { abs, rel } = paths(t, 'model', ext);
  copyPath(path, abs);
  return compactJson({ framework, path: rel, spec: summary as JsonInput });
}

/**
 * Copies an artifact as an asset of `kind` and returns the artifact value.
 *
 * @returns the compact JSON value
 */
export function artifactAsset(t: AssetTarget, path: string, kind: string): string {
  const { abs, rel } = paths(t, kind, getPathExtension(path));
  copyPath(path, abs);
  return compactJson({ kind, path: rel });
}
