import { createWriteStream, type WriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { badRequest } from './reply';

/** A file part written to disk by {@link parseMultipart}. */
export interface MultipartFile {
  field: string;
  filename: string;
  contentType: string | undefined;
  size: number;
  path: string;
}

/** Result of {@link parseMultipart}: text fields in memory, file parts on disk. */
export interface MultipartResult {
  fields: Record<string, string>;
  files: MultipartFile[];
}

const MAX_FIELD_BYTES = 1024 * 1024;
const MAX_HEADER_BYTES = 16 * 1024;

/** The boundary of a `multipart/form-data` content type. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/form-data/i.test(contentType)) return undefined;
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

interface PartHeaders {
  field: string;
  filename: string | undefined;
  contentType: string | undefined;
}

function parsePartHeaders(text: string): PartHeaders {
  let field: string | undefined;
  let filename: string | undefined;
  let contentType: string | undefined;
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-disposition') {
      field = /\bname="([^"]*)"/i.exec(value)?.[1] ?? /\bname=([^;\s]+)/i.exec(value)?.[1];
      filename = /\bfilename="([^"]*)"/i.exec(value)?.[1] ?? /\bfilename=([^;\s]+)/i.exec(value)?.[1];
    } else if (name === 'content-type') {
      contentType = value;
    }
  }
  if (field === undefined) throw badRequest({ detail: 'Multipart part without a name.' });
  return { field, filename, contentType };
}

function finish(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}

function write(stream: WriteStream, chunk: Buffer): Promise<void> {
  if (stream.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onDrain = (): void => {
      stream.off('error', onError);
      resolve();
    };
    const onError = (error: Error): void => {
      stream.off('drain', onDrain);
      reject(error);
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}

/**
 * Streams a `multipart/form-data` body: text fields are kept in memory (up
 * to 1 MiB each), file parts are written to files named by `fileTarget`, so
 * memory stays constant whatever the upload size.
 */
export async function parseMultipart(
  body: Readable,
  boundary: string,
  fileTarget: (part: { field: string; filename: string }) => string,
): Promise<MultipartResult> {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const result: MultipartResult = { fields: {}, files: [] };
  // The body starts with `--boundary` (no leading CRLF): prepend one so every delimiter looks alike.
  let buffer: Buffer = Buffer.from('\r\n');
  let phase: 'preamble' | 'headers' | 'body' | 'done' = 'preamble';
  let part: PartHeaders | undefined;
  let fieldChunks: Buffer[] = [];
  let fieldSize = 0;
  let file: { stream: WriteStream; info: MultipartFile } | undefined;

  const isDone = (): boolean => phase === 'done';

  const emitBody = async (chunk: Buffer): Promise<void> => {
    if (chunk.length === 0) return;
    if (file) {
      file.info.size += chunk.length;
      await write(file.stream, chunk);
    } else {
      fieldSize += chunk.length;
      if (fieldSize > MAX_FIELD_BYTES) throw badRequest({ detail: 'Multipart field too large.' });
      fieldChunks.push(chunk);
    }
  };

  const endPart = async (): Promise<void> => {
    if (file) {
      await finish(file.stream);
      result.files.push(file.info);
      file = undefined;
    } else if (part) {
      result.fields[part.field] = Buffer.concat(fieldChunks).toString('utf8');
    }
    part = undefined;
    fieldChunks = [];
    fieldSize = 0;
  };

  const process = async (): Promise<void> => {
    for (;;) {
      if (phase === 'done') {
        buffer = Buffer.alloc(0);
        return;
      }
      if (phase === 'preamble' || phase === 'body') {
        const at = buffer.indexOf(delimiter);
        if (at < 0) {
          const keep = delimiter.length + 1;
          if (phase === 'body' && buffer.length > keep) {
            await emitBody(buffer.subarray(0, buffer.length - keep));
            buffer = buffer.subarray(buffer.length - keep);
          }
          return;
        }
        if (buffer.length < at + delimiter.length + 2) return;
        if (phase === 'body') {
          await emitBody(buffer.subarray(0, at));
          await endPart();
        }
        const after = buffer.subarray(at + delimiter.length, at + delimiter.length + 2).toString('latin1');
        if (after === '--') {
          phase = 'done';
          continue;
        }
        buffer = buffer.subarray(at + delimiter.length + 2);
        phase = 'headers';
      }
      if (phase === 'headers') {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) {
          if (buffer.length > MAX_HEADER_BYTES) throw badRequest({ detail: 'Multipart headers too large.' });
          return;
        }
        part = parsePartHeaders(buffer.subarray(0, end).toString('utf8'));
        buffer = buffer.subarray(end + 4);
        if (part.filename !== undefined) {
          const path = fileTarget({ field: part.field, filename: part.filename });
          file = {
            stream: createWriteStream(path, { highWaterMark: 1024 * 1024 }),
            info: { field: part.field, filename: part.filename, contentType: part.contentType, size: 0, path },
          };
        }
        phase = 'body';
      }
    }
  };

  try {
    for await (const chunk of body) {
      buffer = buffer.length === 0 ? (chunk as Buffer) : Buffer.concat([buffer, chunk as Buffer]);
      await process();
    }
    if (!isDone()) throw badRequest({ detail: 'Multipart body ended before its closing boundary.' });
  } finally {
    if (file) await finish(file.stream).catch(() => undefined);
  }
  return result;
}
