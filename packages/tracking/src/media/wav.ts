import { TrackingError } from '../errors';

/**
 * Encodes mono samples in [-1, 1] as 16-bit PCM WAV, like upstream's
 * `audio` processor (values beyond ±1 are clipped, `int(32767 * x)`).
 *
 * @param samples - the samples
 * @param sampleRate - frames per second
 * @returns the WAV bytes
 * @throws {@link TrackingError} on empty input, non-finite samples or a bad rate
 */
export function encodeWav(samples: ArrayLike<number>, sampleRate: number): Buffer {
  if (samples.length === 0) throw new TrackingError('Audio needs at least one sample.');
  if (!Number.isInteger(sampleRate) || sampleRate < 1) throw new TrackingError(`Invalid sample rate ${sampleRate}.`);
  const data = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) {
    const v = Number(samples[i]);
    if (!Number.isFinite(v)) throw new TrackingError(`Audio sample ${i} is not a finite number.`);
    data.writeInt16LE(Math.trunc(32767 * Math.max(-1, Math.min(1, v))), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}
