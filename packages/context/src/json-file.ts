import { ContextError } from './context-error';
import { readTextFileIfExists } from './fs-io';

/**
 * Reads a JSON config file that must hold an object.
 *
 * @param path - The file to read.
 * @param label - The file's name for messages, e.g. `.auth`.
 * @returns The object, or `undefined` when the file does not exist.
 * @throws {@link ContextError} naming the file when it cannot be read, is not
 *   valid JSON or is not an object. The file is never modified, and the
 *   message never quotes the content (it may hold a token).
 */
export function readJsonObjectFile(path: string, label: string): Record<string, unknown> | undefined {
  const text = readTextFileIfExists(path);
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw malformed(path, label, 'it is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw malformed(path, label, 'it does not hold a JSON object');
  }
  return parsed as Record<string, unknown>;
}

/**
 * Builds the error for a malformed config file.
 *
 * @param path - The file.
 * @param label - The file's name, e.g. `.client`.
 * @param reason - What is wrong, without quoting the content.
 * @returns The error to throw.
 */
export function malformed(path: string, label: string, reason: string): ContextError {
  return new ContextError(
    `Malformed ${label} file ${path}: ${reason}. Fix or delete it (\`px config purge\` removes the CLI's files); it was left untouched.`,
    { file: path },
  );
}
