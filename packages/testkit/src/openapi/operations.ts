import type { SwaggerDocument, SwaggerOperation } from './load-specs';

/** An operation found for a concrete request. */
export interface MatchedOperation {
  template: string;
  method: string;
  operation: SwaggerOperation;
}

interface IndexedOperation extends MatchedOperation {
  segments: string[];
  literals: number;
}

const METHODS = new Set(['get', 'put', 'post', 'patch', 'delete', 'head', 'options']);

/**
 * Finds the OpenAPI operation of a concrete `METHOD /path`. Templates such
 * as `/api/v1/{owner}/{name}/runs` and `/api/v1/{owner}/{project}/runs`
 * differ only by parameter names, so the method decides; among templates
 * that fit, the one with the most literal segments wins
 * (`/projects/list` over `/{project}`).
 */
export class OperationIndex {
  private readonly operations: IndexedOperation[] = [];

  constructor(documents: readonly SwaggerDocument[]) {
    for (const doc of documents) {
      for (const [template, item] of Object.entries(doc.paths)) {
        const segments = template.split('/');
        const literals = segments.filter((s) => !s.startsWith('{')).length;
        for (const [method, operation] of Object.entries(item)) {
          if (!operation || !METHODS.has(method)) continue;
          this.operations.push({ template, method: method.toUpperCase(), operation, segments, literals });
        }
      }
    }
  }

  /** The operation for `method` and `pathname` (undefined when the specification has none). */
  find(method: string, pathname: string): MatchedOperation | undefined {
    const path = (pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname).split('/');
    let best: IndexedOperation | undefined;
    for (const candidate of this.operations) {
      if (candidate.method !== method || candidate.segments.length !== path.length) continue;
      const fits = candidate.segments.every((segment, i) => segment.startsWith('{') || segment === path[i]);
      if (fits && (!best || candidate.literals > best.literals)) best = candidate;
    }
    return best;
  }
}
