import type { VegaLiteSpec } from './vega-render';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * Stacks several Vega-Lite specs into one (`vconcat`), so one SVG or PNG file
 * holds them all. Each child keeps its own data; `$schema` and `config` move
 * to the top, where Vega-Lite expects them. One spec is returned unchanged.
 */
export function stackSpecs(specs: readonly VegaLiteSpec[], title?: string): VegaLiteSpec {
  if (specs.length === 1 && title === undefined) return specs[0]!;
  let config: unknown;
  const children = specs.map((spec) => {
    const { $schema: _schema, config: childConfig, ...rest } = spec;
    config ??= childConfig;
    return rest;
  });
  return {
    $schema: SCHEMA,
    ...(title === undefined ? {} : { title }),
    ...(config === undefined ? {} : { config }),
    vconcat: children,
    resolve: { scale: { color: 'independent' } },
  };
}
