export { corpusPath, hasShared, repoRoot, requireShared, sharedDir } from './corpus';
