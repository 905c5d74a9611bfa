import type * as VegaLite from 'vega-lite';
import type * as Vega from 'vega';
import { CliError } from '../errors';
import { importModule } from '../import-module';

/** A Vega-Lite specification as plain JSON (what `@px/client/plots` builders return). */
export type VegaLiteSpec = Record<string, unknown>;

/**
 * Compiles a Vega-Lite spec to a Vega spec (`vega-lite` is loaded on first use).
 *
 * @throws {@link CliError} when the spec does not compile, with the compiler's message.
 */
export async function compileVegaLite(spec: VegaLiteSpec): Promise<Record<string, unknown>> {
  const vl = await importModule<typeof VegaLite>('vega-lite');
  try {
    return vl.compile(spec as unknown as Parameters<typeof vl.compile>[0]).spec as unknown as Record<string, unknown>;
  } catch (error) {
    throw new CliError(`The chart specification does not compile: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Renders a Vega-Lite spec to an SVG document in Node, without a browser:
 * `vega-lite` compiles it, a headless `vega` View draws it (both loaded on
 * first use, so commands that never chart never load them).
 */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const vegaSpec = await compileVegaLite(spec);
  const vega = await importModule<typeof Vega>('vega');
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
