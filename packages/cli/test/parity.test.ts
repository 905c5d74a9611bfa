// The parity table of the README is generated from px's command tree and the checked-in list of
// upstream commands; this test fails when the README is out of date. Regenerate it with
// `pnpm --filter @px/cli parity` (PX_WRITE_PARITY=1).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMAND_TREE } from '../src/command-tree';
import { parityStatus, parityTable, upstreamCommands, withParityTable } from './parity-table';

const README = fileURLToPath(new URL('../README.md', import.meta.url));

describe('the parity table of the CLI README', () => {
  const commands = upstreamCommands();
  const expected = withParityTable(readFileSync(README, 'utf8'), parityTable(COMMAND_TREE, commands));

  it('lists the 96 upstream commands once each', () => {
    expect(commands).toHaveLength(96);
    expect(new Set(commands).size).toBe(96);
  });

  it('gives the status of the commands px implements and of those it leaves to the Python CLI', () => {
    expect(parityStatus(COMMAND_TREE, 'ops ls').status).toBe('done');
    expect(parityStatus(COMMAND_TREE, 'ops transfer').status).toBe('done');
    expect(parityStatus(COMMAND_TREE, 'ops shell')).toMatchObject({ status: 'not applicable', note: expect.stringContaining('Kubernetes') });
    expect(parityStatus(COMMAND_TREE, 'admin deploy').status).toBe('not applicable');
  });

  it('is up to date (regenerate with `pnpm --filter @px/cli parity`)', () => {
    if (process.env.PX_WRITE_PARITY === '1') writeFileSync(README, expected);
    expect(readFileSync(README, 'utf8')).toBe(expected);
  });
});
