import { describe, expect, it } from 'vitest';
import { dockerArgv, resourceFlags, shellLine } from './docker-argv';
import type { ContainerPlan } from './local-plan';

const base: ContainerPlan = { name: 'polyaxon-main', image: 'img:1', command: ['python', 'train.py', '--lr=0.1'], hasCommand: true, env: {}, workingDir: undefined, resources: undefined, ports: [] };

describe('docker argv (upstream conversion)', () => {
  it('maps k8s resources to docker flags', () => {
    expect(resourceFlags({ limits: { cpu: '500m', memory: '2Gi', 'nvidia.com/gpu': 2 } })).toEqual(['--cpus', '0.5', '--memory', '2g', '--gpus', '2']);
    expect(resourceFlags({ requests: { memory: '1G' } })).toEqual(['--memory', '1000000000']);
  });

  it('puts env, mounts, working dir, ports, entrypoint, image, then the rest of the command', () => {
    const argv = dockerArgv({ ...base, workingDir: '/code', ports: [8888] }, { env: { A: '1' }, mounts: [{ host: '/h', container: '/c', readOnly: true }] });
    expect(argv).toEqual(['run', '--rm', '-e', 'A=1', '-v', '/h:/c:ro', '-w', '/code', '-p', '8888:8888', '--entrypoint', 'python', 'img:1', 'train.py', '--lr=0.1']);
  });

  it('keeps the image entrypoint when only args are given', () => {
    expect(dockerArgv({ ...base, hasCommand: false, command: ['--lr=0.1'] }, { env: {}, mounts: [] })).toEqual(['run', '--rm', 'img:1', '--lr=0.1']);
  });

  it('quotes for the shell', () => {
    expect(shellLine(['echo', "it's", 'a b', 'plain'])).toBe("echo 'it'\\''s' 'a b' plain");
  });
});
