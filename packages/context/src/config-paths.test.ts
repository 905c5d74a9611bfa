import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../test/sandbox';
import { writeHomeFile } from './index';
import { configFilePaths } from './config-paths';

describe('config file locations', () => {
  it('uses ~/.polyaxon by default and /tmp/.polyaxon under the fs root', () => {
    const box = sandbox();
    const paths = configFilePaths(box.options());
    expect(paths.globalDir).toBe(join(box.home, '.polyaxon'));
    expect(paths.client).toBe(join(box.home, '.polyaxon', '.client'));
    expect(paths.tmpAuth).toBe(join(box.fsRoot, 'tmp', '.polyaxon', '.auth'));
    expect(paths.contextAuth).toBe(join(box.fsRoot, 'plx-context', '.configs', '.auth'));
    expect(paths.localProject).toBe(join(box.cwd, '.polyaxon', '.project'));
    expect(paths.globalDirSource).toBe('default');
  });

  it('moves the global files to $POLYAXON_HOME/.polyaxon (the variable names the parent)', () => {
    const box = sandbox();
    const paths = configFilePaths(box.options({ env: { POLYAXON_HOME: join(box.root, 'ph') } }));
    expect(paths.globalDir).toBe(join(box.root, 'ph', '.polyaxon'));
    expect(paths.home).toBe(join(box.home, '.polyaxon', '.home'));
    expect(paths.globalDirSource).toBe('env');
  });

  it('follows ~/.polyaxon/.home, and POLYAXON_HOME beats it', () => {
    const box = sandbox();
    writeHomeFile(join(box.root, 'from-file'), box.options());
    expect(configFilePaths(box.options()).globalDir).toBe(join(box.root, 'from-file', '.polyaxon'));
    expect(configFilePaths(box.options()).globalDirSource).toBe('home-file');
    expect(configFilePaths(box.options({ env: { POLYAXON_HOME: '/ph' } })).globalDir).toBe('/ph/.polyaxon');
  });

  it('falls back to /tmp/.polyaxon when the home is not writable (here: missing)', () => {
    const box = sandbox();
    expect(configFilePaths(box.options({ homeDir: join(box.root, 'missing') })).globalDir).toBe(join(box.fsRoot, 'tmp', '.polyaxon'));
  });

  it('honours POLYAXON_CONTEXT_ROOT for the in-cluster auth file', () => {
    const box = sandbox();
    expect(configFilePaths(box.options({ env: { POLYAXON_CONTEXT_ROOT: '/ctx' } })).contextAuth).toBe('/ctx/.configs/.auth');
  });
});
