import { describe, expect, it } from 'vitest';
import { dumpYamlEntry } from './yaml-scalar';

describe('dumpYamlEntry (PyYAML safe_dump of one string)', () => {
  it.each([
    ['/srv/plx', 'k: /srv/plx\n'],
    ['yes', "k: 'yes'\n"],
    ['', "k: ''\n"],
    ["it's", "k: it's\n"],
    ["'q'", "k: '''q'''\n"],
    ['tab\there', 'k: "tab\\there"\n'],
    ['é', 'k: "\\xE9"\n'],
    ['✓', 'k: "\\u2713"\n'],
    ['😀', 'k: "\\U0001F600"\n'],
    ['2026-11-23', "k: '2026-11-23'\n"],
    ['- item', "k: '- item'\n"],
  ])('%j', (value, expected) => {
    expect(dumpYamlEntry('k', value)).toBe(expected);
  });
});
