import { describe, expect, it } from 'vitest';
import { ApiError } from '@px/client';
import { PolyaxonException } from '@px/errors';
import { Printer, type CliIo } from './cli-io';
import { CliError, UsageError } from './errors';
import { apiErrorSummary, errorLine, hasMarker, printError } from './print-error';
import { registerSecret } from './redact';

function apiError(status: number, body: unknown): ApiError {
  return new ApiError({ status, method: 'GET', url: 'http://127.0.0.1:8000/api/v1/acme/p', body });
}

class FakeSpecError extends PolyaxonException {
  static override readonly marker: string = 'px.polyaxonfile.PolyaxonfileError';
  readonly file = 'a.yaml';
  readonly line = 3;
  readonly column = 5;
}

function io(): { io: CliIo; err: string[] } {
  const err: string[] = [];
  const sinkErr = { write: (s: string) => err.push(s) };
  const sinkOut = { write: () => true };
  return { io: { stdout: sinkOut, stderr: sinkErr, prompt: () => Promise.resolve(undefined), color: false, colorErr: false, progress: false }, err };
}

describe('errorLine / printError', () => {
  it('maps API errors to upstream status messages (404 bodies not printed)', () => {
    expect(errorLine(apiError(404, { detail: 'x' }))).toBe(
      'Error: Status: 404. The resource you are looking for was not found. Check if the name or uuid is correct.',
    );
    expect(errorLine(apiError(400, ['bad name']))).toBe('Error: Status: 400. One or more request parameters are incorrect ["bad name"]');
    expect(hasMarker(apiError(500, ''), 'px.client.ApiError')).toBe(true);
  });

  it('summarises API errors for a command header line (login), and nothing else', () => {
    const wrong = apiError(400, { non_field_errors: ['Unable to log in with provided credentials.'] });
    expect(apiErrorSummary(wrong)).toBe('Status: 400. One or more request parameters are incorrect {"non_field_errors":["Unable to log in with provided credentials."]}');
    expect(apiErrorSummary(apiError(401, { detail: 'Invalid token.' }))).toBe(
      'Status: 401. Authentication failed. Retry by invoking `px login`. {"detail":"Invalid token."}',
    );
    expect(apiErrorSummary(new CliError('x'))).toBeUndefined();
  });

  it('locates Polyaxonfile errors', () => {
    expect(errorLine(new FakeSpecError('bad'))).toBe('Error: Polyaxonfile is not valid: bad (a.yaml:3:5)');
  });

  it('lists each problem of a Polyaxonfile error under its line, without repeating the heading', () => {
    const error = Object.assign(new FakeSpecError('Polyaxonfile is not valid.\nThe Polyaxonfile has non optional inputs/outputs, you need to pass valid params'), {
      issues: [{ path: ['params', 'lr'], message: 'No value was provided for the non optional key `lr`.', file: 'a.yaml', line: 1, column: 1 }],
    });
    const { io: cliIo, err } = io();
    expect(printError(error, { print: new Printer(cliIo), verbose: false, stderr: cliIo.stderr })).toBe(1);
    expect(err.join('')).toBe(
      'Error: Polyaxonfile is not valid: The Polyaxonfile has non optional inputs/outputs, you need to pass valid params (a.yaml:3:5)\n' +
        '  at `params.lr`: No value was provided for the non optional key `lr`. (a.yaml:1:1)\n',
    );
  });

  it('never prints a registered secret', () => {
    registerSecret('tok-abcdef-123456');
    expect(errorLine(new CliError('token tok-abcdef-123456 rejected'))).toBe('Error: token *** rejected');
  });

  it('returns the exit code of CLI errors and hints at --verbose for unexpected ones', () => {
    const { io: cliIo, err } = io();
    const print = new Printer(cliIo);
    expect(printError(new UsageError('bad'), { print, verbose: false, stderr: cliIo.stderr })).toBe(2);
    expect(printError(new CliError('x', { exitCode: 3, details: ['hint'] }), { print, verbose: false, stderr: cliIo.stderr })).toBe(3);
    expect(printError(new TypeError('boom'), { print, verbose: false, stderr: cliIo.stderr })).toBe(1);
    expect(err.join('')).toContain('Error: Unexpected error: boom\nRun with --verbose');
    expect(err.join('')).toContain('hint\n');
  });
});
