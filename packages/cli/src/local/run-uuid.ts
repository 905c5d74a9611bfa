// Run uuids as upstream makes them (`uuid.uuid4().hex`). The 16 random bytes come from
// `/dev/urandom`, the kernel source `node:crypto` draws from, read directly: loading `node:crypto`
// costs several milliseconds of `px run --local`'s start-up. Where that file does not exist
// (Windows), `node:crypto` is used.
import { closeSync, openSync, readSync } from 'node:fs';

function kernelRandom(bytes: Buffer): boolean {
  let fd: number | undefined;
  try {
    fd = openSync('/dev/urandom', 'r');
    return readSync(fd, bytes, 0, bytes.length, null) === bytes.length;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A random (version 4) uuid as 32 lowercase hex characters, e.g. `8b1f0c2e9d4a4f6b9e2d7c5a1b3f4e6d`. */
export function newRunUuid(): string {
  const bytes = Buffer.alloc(16);
  if (!kernelRandom(bytes)) process.getBuiltinModule('node:crypto').randomFillSync(bytes);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return bytes.toString('hex');
}
