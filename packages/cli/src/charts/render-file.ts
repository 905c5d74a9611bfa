import { stackSpecs } from './spec-compose';
import { renderSvg, type VegaLiteSpec } from './vega-render';

/** Renders specs (stacked when several) to an SVG document or PNG bytes, without a browser. */
export async function renderChartFile(format: 'svg' | 'png', specs: readonly VegaLiteSpec[]): Promise<string | Uint8Array> {
  const svg = await renderSvg(stackSpecs(specs));
  if (format === 'svg') return svg;
  const { svgToPng } = await import('./png-render');
  return svgToPng(svg);
}
