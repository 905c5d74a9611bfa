import type { VegaLiteSpec } from './vega-render';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Copies `value`, renaming every named data reference (`data: { name }`) with `rename`. */
function renameDataRefs(value: unknown, rename: (name: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => renameDataRefs(v, rename));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = key === 'data' && isRecord(v) && typeof v.name === 'string' ? { ...v, name: rename(v.name) } : renameDataRefs(v, rename);
  }
  return out;
}

/**
 * Stacks several Vega-Lite specs into one (`vconcat`), so one SVG or PNG file
 * holds them all. Each child keeps its own data; `$schema`, `config` and
 * named `datasets` move to the top, where Vega-Lite expects them (datasets
 * renamed per child so two charts' `lines` never collide). One spec is
 * returned unchanged.
 */
export function stackSpecs(specs: readonly VegaLiteSpec[], title?: string): VegaLiteSpec {
  if (specs.length === 1 && title === undefined) return specs[0]!;
  let config: unknown;
  const datasets: Record<string, unknown> = {};
  const children = specs.map((spec, i) => {
    const { $schema: _schema, config: childConfig, datasets: childData, ...rest } = spec;
    config ??= childConfig;
    if (!isRecord(childData)) return rest;
    const rename = (name: string): string => (name in childData ? `c${i}_${name}` : name);
    for (const [name, values] of Object.entries(childData)) datasets[rename(name)] = values;
    return renameDataRefs(rest, rename) as VegaLiteSpec;
  });
  return {
    $schema: SCHEMA,
    ...(title === undefined ? {} : { title }),
    ...(config === undefined ? {} : { config }),
    ...(Object.keys(datasets).length === 0 ? {} : { datasets }),
    vconcat: children,
    resolve: { scale: { color: 'independent' } },
  };
}
