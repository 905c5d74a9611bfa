import { describe, expect, it } from 'vitest';
import { colorAllowed } from './cli-io';

const tty = { write: () => true, isTTY: true };
const pipe = { write: () => true };

describe('colorAllowed', () => {
  it('colours a terminal unless NO_COLOR, TERM=dumb or --no-color', () => {
    expect(colorAllowed(tty, {})).toBe(true);
    expect(colorAllowed(tty, { NO_COLOR: '1' })).toBe(false);
    expect(colorAllowed(tty, { NO_COLOR: '' })).toBe(true);
    expect(colorAllowed(tty, { TERM: 'dumb' })).toBe(false);
    expect(colorAllowed(tty, {}, true)).toBe(false);
  });

  it('colours a pipe only with FORCE_COLOR (which wins over NO_COLOR, not over --no-color)', () => {
    expect(colorAllowed(pipe, {})).toBe(false);
    expect(colorAllowed(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorAllowed(pipe, { FORCE_COLOR: '0' })).toBe(false);
    expect(colorAllowed(pipe, { FORCE_COLOR: 'false' })).toBe(false);
    expect(colorAllowed(pipe, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
    expect(colorAllowed(pipe, { FORCE_COLOR: '1' }, true)).toBe(false);
  });
});
