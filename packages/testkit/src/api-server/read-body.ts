import type { IncomingMessage } from 'node:http';
import { badRequest } from './reply';

/** JSON request bodies larger than this are refused (uploads stream and are not limited). */
const MAX_JSON_BODY = 64 * 1024 * 1024;

/** Reads a whole (non-streamed) request body. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_JSON_BODY) throw badRequest({ detail: 'Request body too large.' });
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Parses a JSON body like DRF's JSONParser (400 with upstream's message on bad JSON). */
export function parseJsonBody(bytes: Buffer): unknown {
  if (bytes.length === 0) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch (error) {
    throw badRequest({ detail: `JSON parse error - ${(error as Error).message}` });
  }
}
