import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';

/** The file part of an upload. */
export interface MultipartFile {
  /** Form field name (`upload_file`). */
  field: string;
  /** The `filename` sent in Content-Disposition. */
  filename: string;
  /** Content-Type of the part (upstream sends `text/plain`). */
  contentType: string;
  /** The bytes, streamed. */
  data: Readable;
  /** Size of `data` when known (then the body has a Content-Length). */
  size?: number | undefined;
}

/** A streamed multipart/form-data body. */
export interface MultipartBody {
  /** The `Content-Type` header value with its boundary. */
  contentType: string;
  /** Total length, when the file size is known. */
  length: number | undefined;
  /** The body as parts sent in order: head, the file stream, tail. */
  parts: [Buffer, Readable, Buffer];
}

function quote(value: string): string {
  return value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * Builds a multipart/form-data body as parts to stream: the file part first, then
 * text fields, in the layout python-requests produces (32-hex boundary).
 * Memory stays constant whatever the file size.
 */
export function multipartBody(file: MultipartFile, fields: ReadonlyArray<readonly [string, string]>): MultipartBody {
  const boundary = randomUUID().replace(/-/g, '');
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${quote(file.field)}"; filename="${quote(file.filename)}"\r\n` +
      `Content-Type: ${file.contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(
    `\r\n${fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`).join('')}--${boundary}--\r\n`,
  );
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    length: file.size === undefined ? undefined : head.length + file.size + tail.length,
    parts: [head, file.data, tail],
  };
}
