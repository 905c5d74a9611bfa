import { ComponentSchema } from '../schemas/component';
import type { V1Component } from '../schemas/component';
import { CompiledOperationSchema } from '../schemas/compiled-operation';
import type { V1CompiledOperation } from '../schemas/compiled-operation';
import { OperationSchema } from '../schemas/operation';
import type { V1Operation } from '../schemas/operation';
import { readSources } from '../read/read-sources';
import type { SpecData } from '../read/read-sources';
import { isRecord } from '../read/plain-data';
import { readSpec } from './read-spec';
import type { SpecReadOptions } from './read-spec';
import { checkKind } from './sections';
import { rememberSource } from './source-registry';
import type { Spec } from './to-dict';

/** Reads `kind: component` Polyaxonfiles (upstream `ComponentSpecification`). */
export const ComponentSpecification = {
  /** The kind this reader accepts. */
  kind: 'component' as const,
  /**
   * Reads, merges and validates a component.
   *
   * @param data - YAML/JSON text, an object, a parsed document, or a list of those merged in order
   * @returns the component
   * @throws {@link PolyaxonfileError} for unreadable documents, bad version/kind or unknown sections
   * @throws {@link PolyaxonSchemaError} when the document does not match the specification
   * @example
   * ```ts
   * const spec = ComponentSpecification.read('version: 1.1\nkind: component\nrun: {kind: job, container: {image: busybox}}');
   * spec.run.kind; // 'job'
   * ```
   */
  read(data: SpecData, options: SpecReadOptions = {}): Spec<V1Component> {
    const { spec, sources } = readSpec(ComponentSchema, 'component', 'ComponentSpecification', data, options);
    rememberSource(spec, sources.locate);
    return spec;
  },
};

/** Reads `kind: operation` Polyaxonfiles (upstream `OperationSpecification`). */
export const OperationSpecification = {
  /** The kind this reader accepts. */
  kind: 'operation' as const,
  /**
   * Reads, merges and validates an operation. With `isPreset`, reads a
   * preset/override document (version and reference optional).
   *
   * @param data - YAML/JSON text, an object, a parsed document, or a list of those merged in order
   * @returns the operation
   * @throws {@link PolyaxonfileError} for unreadable documents, bad version/kind or unknown sections
   * @throws {@link PolyaxonSchemaError} when the document does not match the specification
   */
  read(data: SpecData, options: SpecReadOptions = {}): Spec<V1Operation> {
    const { spec, sources } = readSpec(OperationSchema, 'operation', 'OperationSpecification', data, options);
    rememberSource(spec, sources.locate);
    return spec;
  },
};

/** Reads `kind: compiled_operation` documents (upstream `CompiledOperationSpecification`). */
export const CompiledOperationSpecification = {
  /** The kind this reader accepts. */
  kind: 'compiled_operation' as const,
  /**
   * Reads, merges and validates a compiled operation.
   *
   * @returns the compiled operation
   * @throws {@link PolyaxonfileError} or {@link PolyaxonSchemaError} as the other readers
   */
  read(data: SpecData, options: SpecReadOptions = {}): Spec<V1CompiledOperation> {
    const { spec, sources } = readSpec(CompiledOperationSchema, 'compiled_operation', 'CompiledOperationSpecification', data, options);
    rememberSource(spec, sources.locate);
    return spec;
  },
};

/** What {@link getSpecification} returns: one of the three spec kinds. */
export type AnySpec = Spec<V1Component> | Spec<V1Operation> | Spec<V1CompiledOperation>;

/**
 * Reads any Polyaxonfile, dispatching on its `kind` (upstream `get_specification`).
 *
 * @param data - YAML/JSON text, an object, a parsed document, or a list of those merged in order
 * @returns the component, operation or compiled operation
 * @throws {@link PolyaxonfileError} when `kind` is missing or unsupported, or the document unreadable
 * @throws {@link PolyaxonSchemaError} when the document does not match the specification
 * @example
 * ```ts
 * const spec = getSpecification({ version: 1.1, kind: 'operation', hubRef: 'tensorboard' });
 * spec.kind; // 'operation'
 * ```
 */
export function getSpecification(data: SpecData, options: SpecReadOptions = {}): AnySpec {
  const direct = isRecord(data) && !('locate' in data);
  const merged = readSources(direct ? [data] : Array.isArray(data) ? (data as readonly unknown[]) : [data], options);
  const kind = checkKind(merged.value, merged.locate);
  const source = direct ? merged.value : merged.sources;
  switch (kind) {
    case 'component':
      return ComponentSpecification.read(source, options);
    case 'operation':
      return OperationSpecification.read(source, options);
    case 'compiled_operation':
      return CompiledOperationSpecification.read(source, options);
  }
}
