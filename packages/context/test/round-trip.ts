import { basename } from 'node:path';
import {
  configFilePaths,
  readAuthFile,
  readCliConfigFile,
  readClientConfigFile,
  readHomeFile,
  readProjectCache,
  readRunCache,
  readUserFile,
  writeAuthFile,
  writeCliConfigFile,
  writeClientConfigFile,
  writeHomeFile,
  writeProjectCache,
  writeRunCache,
  writeUserFile,
} from '../src/index';
import type { Sandbox } from './sandbox';

/**
 * Puts `text` where the CLI keeps a file named `name`, reads it with px's
 * reader, writes it back with px's writer and returns the bytes written.
 */
export function roundTrip(box: Sandbox, name: string, text: string): string {
  const o = box.options();
  const paths = configFilePaths(o);
  switch (basename(name)) {
    case '.client':
      box.write(paths.client, text);
      writeClientConfigFile(readClientConfigFile(o)!, o);
      return box.read(paths.client);
    case '.auth':
      box.write(paths.auth, text);
      writeAuthFile(readAuthFile(o)!, o);
      return box.read(paths.auth);
    case '.user':
      box.write(paths.user, text);
      writeUserFile(readUserFile(o)!, o);
      return box.read(paths.user);
    case '.cli':
      box.write(paths.cli, text);
      writeCliConfigFile(readCliConfigFile(o)!, o);
      return box.read(paths.cli);
    case '.home':
      box.write(paths.home, text);
      writeHomeFile(readHomeFile(o)!, o);
      return box.read(paths.home);
    case '.project':
      box.write(paths.globalProject, text);
      writeProjectCache(readProjectCache(o, 'global')!.data, o, 'global');
      return box.read(paths.globalProject);
    case '.run':
      box.write(paths.globalRun, text);
      writeRunCache(readRunCache(o, 'global')!.data, o, 'global');
      return box.read(paths.globalRun);
    default:
      throw new Error(`no round trip for ${name}`);
  }
}
