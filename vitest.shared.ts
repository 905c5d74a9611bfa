import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineProject, type UserWorkspaceConfig } from 'vitest/config';

/**
 * Shared vitest project config: tests run against `src` through the
 * `@px/source` export condition, so no build is needed.
 */
export function packageTestConfig(dir: string, overrides: UserWorkspaceConfig['test'] = {}): UserWorkspaceConfig {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string };
  return defineProject({
    define: { __PX_VERSION__: JSON.stringify(pkg.version) },
    resolve: { conditions: ['@px/source'] },
    ssr: { resolve: { conditions: ['@px/source'] } },
    test: {
      name: pkg.name,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      testTimeout: 30_000,
      ...overrides,
    },
  });
}
