// Drives the real `yaml-language-server` (devDependency) over stdio the way an
// editor does: LSP JSON-RPC with Content-Length framing, initialize, settings
// through workspace/didChangeConfiguration, didOpen, publishDiagnostics, hover.
// Every wait is bounded; `stop()` always kills the process.
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageDir } from './bundle';

/** An LSP diagnostic (the fields the tests read). */
export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  severity?: number;
  source?: string;
}

interface Message {
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
}

/** A running yaml-language-server. */
export interface YamlLanguageServer {
  /** Opens a document and resolves with the diagnostics published for it. */
  open(uri: string, text: string, timeoutMs?: number): Promise<Diagnostic[]>;
  /** Hover text at a position (0-based line and character). */
  hover(uri: string, line: number, character: number, timeoutMs?: number): Promise<string>;
  /** Closes a document. */
  close(uri: string): void;
  /** Stops the server (shutdown, exit, then kill). */
  stop(): Promise<void>;
}

function serverScript(): string {
  const require = createRequire(join(packageDir, 'package.json'));
  return join(dirname(require.resolve('yaml-language-server/package.json')), 'bin', 'yaml-language-server');
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`yaml-language-server: no ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Reads framed JSON-RPC messages from the server's stdout. */
function readMessages(child: ChildProcessWithoutNullStreams, onMessage: (message: Message) => void): void {
  let buffer = Buffer.alloc(0);
  child.stdout.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      buffer = buffer.subarray(headerEnd + 4 + length);
      onMessage(JSON.parse(body) as Message);
    }
  });
}

/**
 * Starts yaml-language-server with `settings` (the `yaml` section an editor sends).
 *
 * @param settings - e.g. `{ schemas: { [schemaUri]: '*.yaml' }, validate: true, hover: true }`.
 * @returns The running server, initialized and configured.
 */
export async function startYamlLanguageServer(settings: Record<string, unknown>): Promise<YamlLanguageServer> {
  const child = spawn(process.execPath, [serverScript(), '--stdio'], { stdio: 'pipe' });
  let nextId = 1;
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const pending = new Map<number | string, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const diagnostics = new Map<string, (items: Diagnostic[]) => void>();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const send = (message: Record<string, unknown>): void => {
    if (child.stdin.destroyed) return;
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  const request = (method: string, params: unknown, ms: number): Promise<unknown> => {
    const id = nextId++;
    const reply = new Promise<unknown>((resolve, reject) => pending.set(id, { resolve, reject }));
    send({ id, method, params });
    return withTimeout(reply, ms, `reply to ${method}${stderr ? ` (stderr: ${stderr.slice(0, 500)})` : ''}`);
  };
  readMessages(child, (message) => {
    if (message.method !== undefined && message.id !== undefined) {
      // A request from the server (configuration, registerCapability, progress): answer it.
      const result =
        message.method === 'workspace/configuration'
          ? (message.params as { items: { section?: string }[] }).items.map((item) => (item.section === 'yaml' ? settings : null))
          : null;
      send({ id: message.id, result });
    } else if (message.method === 'textDocument/publishDiagnostics') {
      const { uri, diagnostics: items } = message.params as { uri: string; diagnostics: Diagnostic[] };
      diagnostics.get(uri)?.(items);
    } else if (message.id !== undefined) {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error.message));
      else waiter?.resolve(message.result);
    }
  });
  const server: YamlLanguageServer = {
    async open(uri, text, timeoutMs = 15_000) {
      const published = new Promise<Diagnostic[]>((resolve) => diagnostics.set(uri, resolve));
      send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'yaml', version: 1, text } } });
      try {
        return await withTimeout(published, timeoutMs, `diagnostics for ${uri}`);
      } finally {
        diagnostics.delete(uri);
      }
    },
    async hover(uri, line, character, timeoutMs = 15_000) {
      const result = (await request('textDocument/hover', { textDocument: { uri }, position: { line, character } }, timeoutMs)) as {
        contents?: { value?: string } | string;
      } | null;
      const contents = result?.contents;
      return typeof contents === 'string' ? contents : (contents?.value ?? '');
    },
    close(uri) {
      send({ method: 'textDocument/didClose', params: { textDocument: { uri } } });
    },
    async stop() {
      try {
        if (child.exitCode === null) await request('shutdown', null, 3_000);
        send({ method: 'exit' });
        await withTimeout(exited, 3_000, 'exit');
      } catch {
        // fall through to kill
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    },
  };
  try {
    await request(
      'initialize',
      {
        processId: process.pid,
        rootUri: pathToFileURL(packageDir).href,
        capabilities: { textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: {} } },
      },
      30_000,
    );
    send({ method: 'initialized', params: {} });
    send({ method: 'workspace/didChangeConfiguration', params: { settings: { yaml: settings } } });
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}
