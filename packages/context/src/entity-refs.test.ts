import { describe, expect, it } from 'vitest';
import { ContextError } from './context-error';
import {
  formatRunInstance,
  getEntityFullName,
  getEntityInfo,
  isValidSlug,
  parseProjectRef,
  parseRunInstance,
  parseRunRef,
  slugify,
  splitOwnerTeam,
} from './entity-refs';

describe('slugs (upstream validate_slug)', () => {
  it.each([
    ['Hello World', 'Hello-World'],
    ['a.b', 'a-b'],
    ['a--b', 'a-b'],
    ['ünï', 'uni'],
    ['  x ', 'x'],
    ['a/b', 'ab'],
  ])('slugify(%j) = %j', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it.each(['mnist', 'My_Project-2', 'a-b', 'A1'])('accepts %j', (name) => {
    expect(isValidSlug(name)).toBe(true);
  });

  it.each(['a--b', 'a b', 'a.b', '', 'ü', 'a/b', 'x!'])('rejects %j', (name) => {
    expect(isValidSlug(name)).toBe(false);
  });
});

describe('getEntityInfo', () => {
  it.each([
    ['proj', undefined, 'proj'],
    ['acme/proj', 'acme', 'proj'],
    ['acme.proj', 'acme', 'proj'],
    ['acme/team/proj', 'acme/team', 'proj'],
  ])('%j -> owner %j name %j', (ref, owner, name) => {
    expect(getEntityInfo(ref)).toEqual({ owner, name });
  });

  it.each(['', 'a/b/c/d', 'a.b.c.d'])('rejects %j', (ref) => {
    expect(() => getEntityInfo(ref)).toThrow(ContextError);
  });

  it('splits teams and drops them in full names like upstream', () => {
    expect(splitOwnerTeam('acme/ml')).toEqual({ owner: 'acme', team: 'ml' });
    expect(getEntityFullName('acme/ml', 'proj')).toBe('acme/proj');
    expect(getEntityFullName(undefined, 'proj')).toBe('proj');
  });
});

describe('parseProjectRef', () => {
  it('parses owner/project', () => {
    expect(parseProjectRef('acme/mnist')).toEqual({ owner: 'acme', team: undefined, project: 'mnist' });
  });

  it('takes the owner from the context, else `default`', () => {
    expect(parseProjectRef('mnist', { owner: 'bob' })).toEqual({ owner: 'bob', team: undefined, project: 'mnist' });
    expect(parseProjectRef('mnist', { owner: { value: 'org' } })).toEqual({ owner: 'org', team: undefined, project: 'mnist' });
    expect(parseProjectRef('mnist')).toEqual({ owner: 'default', team: undefined, project: 'mnist' });
  });

  it('keeps the team instead of dropping it', () => {
    expect(parseProjectRef('acme/ml/mnist')).toEqual({ owner: 'acme', team: 'ml', project: 'mnist' });
  });

  it.each(['acme/my project', 'ac me/p', 'a/b/c/d', 'acme/'])('rejects %j with a ContextError', (ref) => {
    expect(() => parseProjectRef(ref)).toThrow(ContextError);
  });

  it('says what is invalid', () => {
    expect(() => parseProjectRef('acme/bad name')).toThrow('Received an invalid project, received the value: `bad name`');
  });
});

describe('run instances and run refs', () => {
  it('parses and formats the run instance', () => {
    expect(parseRunInstance('acme.mnist.runs.abc123')).toEqual({ owner: 'acme', project: 'mnist', runUuid: 'abc123' });
    expect(formatRunInstance('acme/team', 'mnist', 'abc123')).toBe('acme.mnist.runs.abc123');
  });

  it.each(['acme.mnist.abc', 'a.b.runs.c.d', 'acme..runs.x', ''])('rejects run instance %j', (value) => {
    expect(() => parseRunInstance(value)).toThrow(/run instance is invalid/);
  });

  it('parses a bare uuid with the project from the context', () => {
    expect(parseRunRef('d90edb67fd794fd99989312d3f881ed4', { owner: 'acme', project: 'mnist' })).toEqual({
      owner: 'acme',
      project: 'mnist',
      runUuid: 'd90edb67fd794fd99989312d3f881ed4',
    });
    expect(parseRunRef('abc', { owner: { value: 'o' }, project: { value: 'p' } })).toEqual({ owner: 'o', project: 'p', runUuid: 'abc' });
  });

  it('parses path and instance forms', () => {
    expect(parseRunRef('acme/mnist/runs/abc')).toEqual({ owner: 'acme', project: 'mnist', runUuid: 'abc' });
    expect(parseRunRef('acme.mnist.runs.abc')).toEqual({ owner: 'acme', project: 'mnist', runUuid: 'abc' });
  });

  it('names the option and env var when a bare uuid has no project', () => {
    expect(() => parseRunRef('abc')).toThrow(/pass `project`.*POLYAXON_PROJECT/);
  });

  it.each(['../etc', 'a b', 'x/y'])('rejects unsafe uuid %j', (value) => {
    expect(() => parseRunRef(value, { project: 'p' })).toThrow(ContextError);
  });
});

describe('slugify is idempotent', () => {
  it('every non-empty slug is valid (1000 seeded strings)', () => {
    let seed = 3;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = Array.from('aZ09_-. \t/ü✓é!');
    for (let i = 0; i < 1000; i++) {
      let text = '';
      for (let j = 0, n = 1 + Math.floor(next() * 12); j < n; j++) text += alphabet[Math.floor(next() * alphabet.length)]!;
      const slug = slugify(text);
      expect(slugify(slug), JSON.stringify(text)).toBe(slug);
      if (slug !== '') expect(isValidSlug(slug), JSON.stringify(text)).toBe(true);
    }
  });
});
