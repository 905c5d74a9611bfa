import type { V1CompiledOperation } from '../schemas/compiled-operation';
import type { V1Component } from '../schemas/component';
import type { V1Operation } from '../schemas/operation';
import { compile as compileCore } from '../compile/compile';
import type { CompileOptions } from '../compile/compile';
import type { SpecData } from '../read/read-sources';
import type { SpecReadOptions } from '../specs/read-spec';
import * as core from '../specs/specifications';
import type { Spec } from '../specs/to-dict';
import { readPath } from './read-file';
import { parseBytes } from './decode-utf8';
import { isSourceDocument } from '../read/read-sources';
import { toDict } from '../specs/to-dict';

const withFiles = <T extends SpecReadOptions>(options: T): T => ({ resolve: (text: string) => readPath(text), decode: (bytes: Uint8Array) => parseBytes(bytes), ...options });

/** {@link core.ComponentSpecification} that also reads file paths. */
export const ComponentSpecification = {
  kind: 'component' as const,
  /** Reads a component; strings naming existing files are read from disk. */
  read: (data: SpecData, options: SpecReadOptions = {}): Spec<V1Component> => core.ComponentSpecification.read(data, withFiles(options)),
};

/** {@link core.OperationSpecification} that also reads file paths. */
export const OperationSpecification = {
  kind: 'operation' as const,
  /** Reads an operation; strings naming existing files are read from disk. */
  read: (data: SpecData, options: SpecReadOptions = {}): Spec<V1Operation> => core.OperationSpecification.read(data, withFiles(options)),
};

/** {@link core.CompiledOperationSpecification} that also reads file paths. */
export const CompiledOperationSpecification = {
  kind: 'compiled_operation' as const,
  /** Reads a compiled operation; strings naming existing files are read from disk. */
  read: (data: SpecData, options: SpecReadOptions = {}): Spec<V1CompiledOperation> =>
    core.CompiledOperationSpecification.read(data, withFiles(options)),
};

/**
 * {@link core.getSpecification} that also reads file paths.
 *
 * @returns the spec
 */
export function getSpecification(data: SpecData, options: SpecReadOptions = {}): core.AnySpec {
  return core.getSpecification(data, withFiles(options));
}

/**
 * The main entry's `compile`, also reading file paths.
 *
 * @returns the compiled operation
 */
export function compile(data: SpecData, options: CompileOptions = {}): Spec<V1CompiledOperation> {
  const first: unknown = Array.isArray(data) ? data[0] : data;
  const base = typeof first === 'string' ? first : isSourceDocument(first) ? first.file : undefined;
  const resolveComponent = (op: Record<string, unknown>): Record<string, unknown> | undefined => {
    if (typeof op.pathRef !== 'string') return undefined;
    const doc = readPath(op.pathRef, base);
    if (doc === undefined) return undefined;
    const spec = core.getSpecification(doc);
    return spec.kind === 'component' ? toDict(spec) : undefined;
  };
  return compileCore(data, withFiles({ resolveComponent, ...options }));
}
