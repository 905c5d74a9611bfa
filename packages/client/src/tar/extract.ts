import { createWriteStream } from 'node:fs';
import { chmod, link, lstat, mkdir, mkdtemp, realpath, rm, symlink, utimes } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { PolyaxonClientException } from '../errors/client-error';
import { isInside, resolveOnDisk } from './link-walk';
import { moveIntoPlace } from './staged-move';
import { readTar } from './tar-reader';
import { UnsafeArchiveError } from './unsafe-archive-error';

export { UnsafeArchiveError };

function safeTarget(root: string, name: string): string {
  const clean = name.replace(/\\/g, '/');
  if (clean.startsWith('/') || /^[A-Za-z]:/.test(clean) || clean.includes('\0')) {
    throw new UnsafeArchiveError(`Refusing to extract \`${name}\`: absolute paths are not allowed.`);
  }
  const target = resolve(root, clean);
  if (!isInside(root, target)) throw new UnsafeArchiveError(`Refusing to extract \`${name}\`: it escapes the target folder.`);
  return target;
}

async function assertNoLinkedParent(root: string, target: string): Promise<void> {
  // Walk the parents between root and target: none may be a symlink (a link
  // created earlier in the same archive could otherwise redirect writes).
  const parts = relative(root, dirname(target)).split(sep).filter((p) => p !== '');
  let current = root;
  for (const part of parts) {
    current = join(current, part);
    try {
      const info = await lstat(current);
      if (info.isSymbolicLink()) throw new UnsafeArchiveError(`Refusing to extract through the link \`${relative(root, current)}\`.`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
  }
}

/**
 * Extracts a gzipped tar stream into `dest` in constant memory, safely:
 * absolute names, `..` escapes, writes through links, and links pointing out
 * of `dest` are refused; device files and FIFOs are skipped.
 *
 * @returns the extracted member names, in archive order
 * @throws {@link UnsafeArchiveError} when a member would escape `dest`
 * @throws {@link PolyaxonClientException} when the archive is corrupt
 */
export async function extractTarGz(source: Readable, dest: string): Promise<string[]> {
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  return extractTar(source.pipe(gunzip), dest);
}

/**
 * Extracts a tar or tar.gz stream (detected from the gzip magic bytes) into
 * `dest`, with the same safety rules as {@link extractTarGz}.
 */
export async function extractArchive(source: AsyncIterable<Buffer>, dest: string): Promise<string[]> {
  const iterator = source[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done === true) return extractTar(Readable.from([]), dest);
  const head = first.value;
  async function* rest(): AsyncGenerator<Buffer> {
    yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) return;
      yield next.value;
    }
  }
  if (head[0] === 0x1f && head[1] === 0x8b) return extractTarGz(Readable.from(rest(), { objectMode: false }), dest);
  return extractTar(rest(), dest);
}

/**
 * Like {@link extractTarGz} for an uncompressed tar stream.
 *
 * Extraction is all-or-nothing: members go to a temporary sibling folder of
 * `dest`, links are checked against the extracted files once every member is
 * on disk, and only then is everything moved into `dest`. A refused or
 * corrupt archive leaves `dest` as it was.
 */
export async function extractTar(source: AsyncIterable<Buffer | Uint8Array | string>, dest: string): Promise<string[]> {
  const final = resolve(dest);
  let staging: string | undefined;
  try {
    await mkdir(dirname(final), { recursive: true });
    staging = await mkdtemp(join(dirname(final), `.${basename(final)}.px-extract-`));
    const root = await realpath(staging);
    const names = await extractMembers(source, root);
    await moveIntoPlace(root, final);
    return names;
  } catch (error) {
    if (error instanceof PolyaxonClientException) throw error;
    throw new PolyaxonClientException(`Could not extract the archive into \`${dest}\`: ${(error as Error).message}`, { cause: error });
  } finally {
    if (staging !== undefined) await rm(staging, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function extractMembers(source: AsyncIterable<Buffer | Uint8Array | string>, root: string): Promise<string[]> {
  const names: string[] = [];
  const links: { name: string; path: string; linkname: string }[] = [];
  for await (const entry of readTar(source)) {
    if (entry.name === '' || entry.name === '.' || entry.name === './') continue;
    const target = safeTarget(root, entry.name);
    if (target === root) continue;
    await assertNoLinkedParent(root, target);
    if (entry.type === 'directory') {
      await mkdir(target, { recursive: true });
    } else if (entry.type === 'file') {
      await mkdir(dirname(target), { recursive: true });
      await rm(target, { force: true, recursive: false }).catch(() => undefined);
      const out = createWriteStream(target, { flags: 'wx', mode: 0o644 });
      let written = 0;
      await pipeline(
        (async function* () {
          for await (const chunk of entry.data) {
            written += chunk.length;
            yield chunk;
          }
        })(),
        out,
      );
      if (written !== entry.size) throw new PolyaxonClientException(`Archive is truncated inside \`${entry.name}\`.`);
      const mode = entry.mode & 0o777;
      if (mode !== 0) await chmod(target, mode & ~0o022 | 0o600);
      if (entry.mtime > 0) await utimes(target, entry.mtime, entry.mtime).catch(() => undefined);
    } else if (entry.type === 'symlink') {
      const what = `to create the link \`${entry.name}\` → \`${entry.linkname}\``;
      if (isAbsolute(entry.linkname) || !isInside(root, resolve(dirname(target), entry.linkname))) {
        throw new UnsafeArchiveError(`Refusing ${what}: it points out of the target folder.`);
      }
      await resolveOnDisk(root, dirname(target), entry.linkname, what);
      await mkdir(dirname(target), { recursive: true });
      await rm(target, { force: true }).catch(() => undefined);
      await symlink(entry.linkname, target);
      links.push({ name: entry.name, path: target, linkname: entry.linkname });
    } else if (entry.type === 'hardlink') {
      safeTarget(root, entry.linkname);
      const what = `to create the hard link \`${entry.name}\` → \`${entry.linkname}\``;
      const folder = await resolveOnDisk(root, root, dirname(entry.linkname), what);
      const linkTarget = join(folder, basename(entry.linkname));
      if (!isInside(root, linkTarget) || linkTarget === root) throw new UnsafeArchiveError(`Refusing ${what}: it points out of the target folder.`);
      await mkdir(dirname(target), { recursive: true });
      await rm(target, { force: true }).catch(() => undefined);
      await link(linkTarget, target);
    } else {
      continue;
    }
    names.push(entry.name);
  }
  // A link checked when it was created may resolve elsewhere once later
  // members exist (a chain through links created after it): check them all
  // again against the final tree.
  for (const { name, path, linkname } of links) {
    await resolveOnDisk(root, dirname(path), linkname, `the link \`${name}\` → \`${linkname}\``);
  }
  return names;
}
