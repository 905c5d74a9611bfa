import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/**
 * Asks a question on stderr and reads one line from stdin. Resolves to
 * `undefined` when stdin ends without an answer (no terminal, closed pipe).
 * With `hidden`, typed characters are not echoed (tokens, passwords).
 */
export function promptLine(question: string, options: { hidden?: boolean } = {}): Promise<string | undefined> {
  return new Promise((resolve) => {
    let muted = false;
    const output = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        if (!muted) process.stderr.write(chunk);
        callback();
      },
    });
    const rl = createInterface({ input: process.stdin, output, terminal: process.stdin.isTTY });
    let answered = false;
    rl.on('close', () => {
      if (!answered) {
        process.stderr.write('\n');
        resolve(undefined);
      }
    });
    rl.question(question, (answer) => {
      answered = true;
      if (options.hidden === true) process.stderr.write('\n');
      rl.close();
      resolve(answer);
    });
    muted = options.hidden === true;
  });
}

/**
 * Asks a yes/no question (`[y/N]`). Resolves to `undefined` when no answer
 * could be read (upstream then aborts with exit 1).
 */
export async function confirm(ask: (q: string) => Promise<string | undefined>, question: string): Promise<boolean | undefined> {
  const answer = await ask(`${question} [y/N]: `);
  if (answer === undefined) return undefined;
  return ['y', 'yes'].includes(answer.trim().toLowerCase());
}
