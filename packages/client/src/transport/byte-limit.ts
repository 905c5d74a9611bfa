import { Transform, type Readable } from 'node:stream';
import { ResponseTooLargeError } from '../errors/client-error';

/**
 * The most a JSON API answer may hold once decompressed: 512 MiB, about the longest string V8 can make, so no
 * answer that could be parsed is refused. A server sending more (a gzip bomb inflates a few MiB into gigabytes)
 * gets a {@link ResponseTooLargeError} instead of exhausting memory.
 */
export const MAX_RESPONSE_BYTES = 512 * 1024 * 1024;

/**
 * Passes `stream` through, failing it with {@link ResponseTooLargeError} once more than `maxBytes` went by.
 *
 * @param stream - a decoded response body
 * @param maxBytes - the limit
 * @returns the limited stream
 */
export function limitBytes(stream: Readable, maxBytes: number): Readable {
  let seen = 0;
  const limited = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) done(new ResponseTooLargeError(maxBytes));
      else done(null, chunk);
    },
  });
  stream.on('error', (error) => limited.destroy(error));
  limited.on('error', () => stream.destroy());
  return stream.pipe(limited);
}
