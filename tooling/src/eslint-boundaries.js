// Package dependency direction, enforced with `no-restricted-imports`.
// Consumed by the root eslint.config.js and by tooling/test/boundaries.test.ts.

/** Which workspace packages each package's source may import (besides itself). */
export const allowedImports = {
  errors: [],
  polyaxonfile: ['errors'],
  context: ['errors'],
  // polyaxonfile: an optional peer, imported lazily by RunClient.createFrom* only.
  client: ['errors', 'context', 'polyaxonfile'],
  tracking: ['errors', 'context', 'client'],
  cli: ['errors', 'context', 'client', 'tracking', 'polyaxonfile'],
  testkit: ['errors', 'context', 'client', 'tracking', 'polyaxonfile'],
};

const allPackages = Object.keys(allowedImports);

/** Globs of files that are tests or benchmarks (they may import @px/testkit). */
export const testGlobs = ['**/*.test.ts', '**/test/**', '**/bench/**', '**/__fixtures__/**'];

function restrictedPatterns(pkg, isTest) {
  const allowed = new Set([pkg, ...allowedImports[pkg]]);
  if (isTest) allowed.add('testkit');
  const forbidden = allPackages.filter((name) => !allowed.has(name));
  const patterns = [
    {
      regex: '^@px/[^/]+/src(/|$)',
      message: 'Import the package by its public entry point, never its src/ folder.',
    },
    {
      regex: `^(\\.\\./)+(packages/)?(${allPackages.join('|')})/(src|dist)(/|$)`,
      message: 'Reach another package through its published name, never a relative path into it.',
    },
  ];
  if (forbidden.length > 0) {
    patterns.push({
      regex: `^@px/(${forbidden.join('|')})(/|$)`,
      message:
        pkg === 'testkit' || forbidden.includes('testkit')
          ? `@px/${pkg} may import only ${[...allowed].filter((n) => n !== pkg).map((n) => `@px/${n}`).join(', ') || 'no other @px package'}${isTest ? '' : ' (@px/testkit is for tests only)'}.`
          : `@px/${pkg} may import only ${[...allowed].filter((n) => n !== pkg).map((n) => `@px/${n}`).join(', ') || 'no other @px package'}.`,
    });
  }
  return patterns;
}

/**
 * Flat-config objects, one per package and file role, that forbid imports
 * against the dependency direction.
 * @param {string} root folder that holds `packages/` relative to the config file ('' for the repo root)
 */
export function boundaryConfigs(root = '') {
  return allPackages.flatMap((pkg) => {
    const base = `${root}packages/${pkg}`;
    return [
      {
        name: `px/boundaries/${pkg}`,
        files: [`${base}/**/*.ts`, `${base}/**/*.js`, `${base}/**/*.mjs`],
        ignores: testGlobs.map((glob) => `${base}/${glob}`),
        rules: { 'no-restricted-imports': ['error', { patterns: restrictedPatterns(pkg, false) }] },
      },
      {
        name: `px/boundaries/${pkg}/tests`,
        files: testGlobs.map((glob) => `${base}/${glob}`),
        rules: { 'no-restricted-imports': ['error', { patterns: restrictedPatterns(pkg, true) }] },
      },
    ];
  });
}
