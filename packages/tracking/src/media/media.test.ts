import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { TrackingError } from '../errors';
import { auc, averagePrecision, precisionRecallCurve, rocCurve } from './curves';
import { rowsToCsv } from './dataframe';
import { checkHistogram, computeHistogram } from './histogram';
import { drawBoxes, toHwcImage } from './image';
import { encodePng, readEncodedImageInfo } from './png';
import { encodeWav } from './wav';

describe('histograms (numpy.histogram)', () => {
  it('matches the golden hist event', () => {
    expect(computeHistogram([0.1, 0.2, 0.2, 0.5, 0.9, 0.9, 0.9], 4)).toEqual({
      counts: [3, 0, 1, 3],
      edges: [0.1, 0.30000000000000004, 0.5, 0.7000000000000001, 0.9],
    });
  });

  it('widens a constant range and supports explicit edges', () => {
    expect(computeHistogram([2, 2], 2)).toEqual({ counts: [0, 2], edges: [1.5, 2, 2.5] });
    expect(computeHistogram([0, 1, 2, 3, 9], [0, 1, 3])).toEqual({ counts: [1, 3], edges: [0, 1, 3] });
  });

  it('rejects empty input and mismatched precomputed data', () => {
    expect(() => computeHistogram([], 3)).toThrow(TrackingError);
    expect(() => checkHistogram([1, 2], [0, 1])).toThrow(/one more edge/);
    expect(checkHistogram([1, 4, 2], [0, 1, 2, 3]).edges).toEqual([0, 1, 2, 3]);
  });
});

describe('curves (sklearn)', () => {
  const yTrue = [0, 0, 1, 1];
  const scores = [0.1, 0.4, 0.35, 0.8];

  it('computes roc_curve with dropped intermediates and auc', () => {
    const roc = rocCurve(yTrue, scores);
    expect(roc.x).toEqual([0, 0, 0.5, 0.5, 1]);
    expect(roc.y).toEqual([0, 0.5, 0.5, 1, 1]);
    expect(auc(roc.x, roc.y)).toBe(0.75);
  });

  it('computes precision_recall_curve and average precision', () => {
    const pr = precisionRecallCurve(yTrue, scores);
    expect(pr.x).toEqual([0.5, 2 / 3, 0.5, 1, 1]);
    expect(pr.y).toEqual([1, 1, 0.5, 0.5, 0]);
    expect(averagePrecision(yTrue, scores)).toBeCloseTo(0.8333333333333333, 15);
  });

  it('supports a positive label and rejects non-binary labels without one', () => {
    expect(rocCurve(['a', 'b', 'a'], [0.9, 0.1, 0.8], 'a').y.at(-1)).toBe(1);
    expect(() => rocCurve([0, 2], [0.1, 0.2])).toThrow(TrackingError);
  });
});

describe('images', () => {
  it('converts HW floats to 3-channel uint8 like upstream', () => {
    const img = toHwcImage([[0, 0.5, 1], [1, 1, 1]], 'HW');
    expect([img.height, img.width, img.channels]).toEqual([2, 3, 3]);
    expect(Array.from(img.pixels.subarray(0, 9))).toEqual([0, 0, 0, 127, 127, 127, 255, 255, 255]);
  });

  it('keeps uint8 data and reads CHW', () => {
    const img = toHwcImage({ data: new Uint8Array([1, 2, 3, 4, 5, 6]), shape: [3, 1, 2] }, 'CHW');
    expect(Array.from(img.pixels)).toEqual([1, 3, 5, 2, 4, 6]);
  });

  it('builds a grid for NCHW batches', () => {
    const img = toHwcImage({ data: new Uint8Array(2 * 1 * 2 * 2).fill(9), shape: [2, 1, 2, 2] }, 'NCHW');
    expect([img.height, img.width, img.channels]).toEqual([2, 4, 3]);
  });

  it('rejects shapes that do not match the layout', () => {
    expect(() => toHwcImage({ data: [0, 1], shape: [2] }, 'HW')).toThrow(/different/);
    expect(() => toHwcImage({ data: [0, 1], shape: [1, 3] }, 'HW')).toThrow(/does not match/);
  });

  it('encodes PNG with correct header, pixels and info', () => {
    const img = drawBoxes(toHwcImage({ data: new Uint8Array(6 * 8 * 3), shape: [6, 8, 3] }, 'HWC'), [[1, 1, 5, 4]]);
    const png = encodePng(img.width, img.height, img.channels, img.pixels);
    expect(readEncodedImageInfo(png)).toEqual({ width: 8, height: 6, colorspace: 3, ext: 'png' });
    const idat = png.indexOf('IDAT');
    const length = png.readUInt32BE(idat - 4);
    const raw = inflateSync(png.subarray(idat + 4, idat + 4 + length));
    expect(raw.length).toBe(6 * (8 * 3 + 1));
    expect(raw[1 * 25 + 1 + 1 * 3]).toBe(255);
  });
});

describe('audio and tables', () => {
  it('writes 16-bit PCM WAV', () => {
    const wav = encodeWav([0, 1, -2], 8000);
    expect(wav.toString('latin1', 0, 4)).toBe('RIFF');
    expect(wav.readInt16LE(46)).toBe(32767);
    expect(wav.readInt16LE(48)).toBe(-32767);
  });

  it('writes rows like pandas to_csv', () => {
    expect(rowsToCsv([{ a: 1, b: 'x,y' }, { a: 2.5 }])).toBe(',a,b\n0,1,"x,y"\n1,2.5,\n');
  });
});
