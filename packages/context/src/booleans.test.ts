import { describe, expect, it } from 'vitest';
import { isTruthyString, parseLaxBool, strToBool } from './booleans';

describe('parseLaxBool (client-config fields: IS_OFFLINE, NO_OP, DEBUG, VERIFY_SSL, ...)', () => {
  it.each([
    ['1', true], ['true', true], ['TRUE', true], ['t', true], ['yes', true], ['Y', true], ['on', true],
    ['0', false], ['false', false], ['False', false], ['f', false], ['no', false], ['n', false], ['OFF', false],
    [true, true], [false, false], [1, true], [0, false],
  ] as const)('%j -> %j', (input, expected) => {
    expect(parseLaxBool(input)).toBe(expected);
  });

  it.each(['maybe', '', ' true', '2', 'yess', null, 2, {}])('rejects %j', (input) => {
    expect(parseLaxBool(input)).toBeUndefined();
  });
});

describe('strToBool (COLLECT_ARTIFACTS, COLLECT_RESOURCES, NO_CONFIG, SET_AGENT)', () => {
  it.each([
    ['y', true], ['YES', true], ['t', true], ['True', true], ['on', true], ['1', true],
    ['n', false], ['no', false], ['F', false], ['false', false], ['off', false], ['0', false],
  ] as const)('%j -> %j', (input, expected) => {
    expect(strToBool(input)).toBe(expected);
  });

  it.each(['maybe', '', '2', 'none'])('rejects %j', (input) => {
    expect(strToBool(input)).toBeUndefined();
  });
});

describe('isTruthyString (HAS_PROCESS_SIDECAR, USE_GIT_REGISTRY)', () => {
  it.each([
    ['true', true], ['false', true], ['0', true], ['anything', true], ['', false], [undefined, false],
  ] as const)('%j -> %j (upstream quirk: "false" and "0" are true)', (input, expected) => {
    expect(isTruthyString(input)).toBe(expected);
  });
});
