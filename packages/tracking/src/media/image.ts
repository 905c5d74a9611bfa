import { TrackingError } from '../errors';

/** A pixel tensor: flat data plus its shape, in one of upstream's layouts. */
export interface PixelTensor {
  /** Flat values in row-major order. `Uint8Array`/`Uint8ClampedArray` are taken as 0..255, anything else as 0..1 floats. */
  data: ArrayLike<number>;
  /** The shape matching `dataformats`, e.g. `[3, 32, 32]` for CHW. */
  shape: readonly number[];
}

/** Nested arrays of numbers (0..1 floats), e.g. `number[][]` for HW. */
export type NestedPixels = readonly number[] | readonly NestedPixels[];

/** What `logImage` accepts as raw pixels. */
export type PixelInput = PixelTensor | NestedPixels;

/** An 8-bit HWC image ready to encode. */
export interface HwcImage {
  /** Rows. */
  height: number;
  /** Columns. */
  width: number;
  /** Channels (3 or 4). */
  channels: number;
  /** `height * width * channels` bytes. */
  pixels: Uint8Array;
}

function isTensor(input: PixelInput): input is PixelTensor {
  return typeof input === 'object' && !Array.isArray(input) && 'shape' in input && 'data' in input;
}

function flattenNested(input: NestedPixels): PixelTensor {
  const shape: number[] = [];
  let cursor: unknown = input;
  while (Array.isArray(cursor)) {
    shape.push(cursor.length);
    cursor = cursor[0];
  }
  const data: number[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (depth === shape.length) {
      if (typeof node !== 'number') throw new TrackingError('Image arrays must contain only numbers.');
      data.push(node);
      return;
    }
    if (!Array.isArray(node) || node.length !== shape[depth]) throw new TrackingError('Image arrays must be rectangular.');
    for (const child of node) walk(child, depth + 1);
  };
  walk(input, 0);
  return { data, shape };
}

function makeGrid(n: number, c: number, h: number, w: number, at: (i: number, ch: number, y: number, x: number) => number) {
  const ncols = Math.min(n, 8);
  const nrows = Math.ceil(n / ncols);
  const channels = c === 1 ? 3 : c;
  const height = h * nrows;
  const width = w * ncols;
  const out = new Float64Array(height * width * channels);
  for (let i = 0; i < n; i++) {
    const gy = Math.floor(i / ncols);
    const gx = i % ncols;
    for (let ch = 0; ch < channels; ch++) {
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          out[((gy * h + y) * width + gx * w + x) * channels + ch] = at(i, c === 1 ? 0 : ch, y, x);
        }
      }
    }
  }
  return { height, width, channels, values: out };
}

/**
 * Converts pixels in upstream's layouts (`CHW`, `HWC`, `HW`, `NCHW` and any
 * permutation, e.g. `NHWC`) to an 8-bit HWC image, like upstream's
 * `convert_to_HWC` + scaling: uint8 data is used as is, anything else is
 * multiplied by 255. One channel becomes 3 (gray), batches become a grid of
 * at most 8 columns.
 *
 * @param input - a {@link PixelTensor} or nested arrays
 * @param dataformats - the layout (default `CHW`)
 * @returns the 8-bit image
 * @throws {@link TrackingError} when the shape does not match the layout
 */
export function toHwcImage(input: PixelInput, dataformats = 'CHW'): HwcImage {
  const tensor = isTensor(input) ? input : flattenNested(input);
  const format = dataformats.toUpperCase();
  const { shape, data } = tensor;
  if (new Set(format).size !== format.length || ![2, 3, 4].includes(format.length) || /[^NCHW]/.test(format)) {
    throw new TrackingError(`Invalid dataformats ${JSON.stringify(dataformats)}: use a permutation of HW, HWC/CHW or NCHW.`);
  }
  if (shape.length !== format.length) {
    throw new TrackingError(`Size of input tensor and input format are different: shape [${shape.join(', ')}], dataformats ${format}.`);
  }
  const size = shape.reduce((a, b) => a * b, 1);
  if (data.length !== size || shape.some((d) => !Number.isInteger(d) || d < 1)) {
    throw new TrackingError(`Pixel data of length ${data.length} does not match shape [${shape.join(', ')}].`);
  }
  const strides = shape.map((_, i) => shape.slice(i + 1).reduce((a, b) => a * b, 1));
  const dim = (c: string) => format.indexOf(c);
  const stride = (c: string) => (dim(c) === -1 ? 0 : strides[dim(c)]!);
  const extent = (c: string) => (dim(c) === -1 ? 1 : shape[dim(c)]!);
  const scale = data instanceof Uint8Array || data instanceof Uint8ClampedArray ? 1 : 255;
  const [sN, sC, sH, sW] = [stride('N'), stride('C'), stride('H'), stride('W')];
  const at = (i: number, ch: number, y: number, x: number) => data[i * sN + ch * sC + y * sH + x * sW]!;
  let grid: { height: number; width: number; channels: number; values: ArrayLike<number> };
  if (format.length === 4) {
    grid = makeGrid(extent('N'), extent('C'), extent('H'), extent('W'), at);
  } else {
    const c = extent('C');
    const channels = c === 1 ? 3 : c;
    const h = extent('H');
    const w = extent('W');
    const values = new Float64Array(h * w * channels);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++)
        for (let ch = 0; ch < channels; ch++) values[(y * w + x) * channels + ch] = at(0, c === 1 ? 0 : ch, y, x);
    grid = { height: h, width: w, channels, values };
  }
  if (grid.channels !== 3 && grid.channels !== 4) {
    throw new TrackingError(`Images need 1, 3 or 4 channels, got ${grid.channels}.`);
  }
  const pixels = new Uint8Array(grid.values.length);
  for (let i = 0; i < pixels.length; i++) {
    const v = Math.fround(grid.values[i]! * scale);
    pixels[i] = v >= 255 ? 255 : v > 0 ? Math.trunc(v) : 0;
  }
  return { height: grid.height, width: grid.width, channels: grid.channels, pixels };
}

/**
 * Draws red rectangle outlines (2 px wide), one per `[x1, y1, x2, y2]` box,
 * like upstream's `draw_boxes`. Mutates and returns `image`.
 *
 * @param image - the image
 * @param boxes - boxes in pixel coordinates, `[xmin, ymin, xmax, ymax]`
 * @returns the same image
 * @throws {@link TrackingError} when a box is not 4 numbers
 */
export function drawBoxes(image: HwcImage, boxes: readonly (readonly number[])[]): HwcImage {
  const { width, height, channels, pixels } = image;
  const paint = (x: number, y: number) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    const o = (y * width + x) * channels;
    pixels[o] = 255;
    pixels[o + 1] = 0;
    pixels[o + 2] = 0;
    if (channels === 4) pixels[o + 3] = 255;
  };
  for (const box of boxes) {
    if (box.length !== 4 || box.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
      throw new TrackingError('Each box must be [xmin, ymin, xmax, ymax] with finite numbers.');
    }
    const [x1, y1, x2, y2] = box.map((v) => Math.round(v)) as [number, number, number, number];
    for (let t = -1; t < 1; t++) {
      for (let x = Math.min(x1, x2); x <= Math.max(x1, x2); x++) {
        paint(x, y1 + t);
        paint(x, y2 + t);
      }
      for (let y = Math.min(y1, y2); y <= Math.max(y1, y2); y++) {
        paint(x1 + t, y);
        paint(x2 + t, y);
      }
    }
  }
  return image;
}

/**
 * Nearest-neighbour resize by a factor (upstream resizes with Lanczos).
 *
 * @param image - the image
 * @param factor - the scale factor, greater than 0
 * @returns a new image, or `image` itself when the factor is 1
 * @throws {@link TrackingError} when the factor is not positive
 */
export function rescaleImage(image: HwcImage, factor: number): HwcImage {
  if (factor === 1) return image;
  if (!(factor > 0)) throw new TrackingError(`rescale must be a positive number, got ${factor}.`);
  const height = Math.max(1, Math.trunc(image.height * factor));
  const width = Math.max(1, Math.trunc(image.width * factor));
  const { channels } = image;
  const pixels = new Uint8Array(height * width * channels);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(image.height - 1, Math.floor(y / factor));
    for (let x = 0; x < width; x++) {
      const sx = Math.min(image.width - 1, Math.floor(x / factor));
      for (let c = 0; c < channels; c++) pixels[(y * width + x) * channels + c] = image.pixels[(sy * image.width + sx) * channels + c]!;
    }
  }
  return { height, width, channels, pixels };
}
