import { describe, expect, it } from 'vitest';
import { rasterize, svgToPng, systemFontsPresent } from '../src/charts/png-render';
import { stackSpecs } from '../src/charts/spec-compose';
import { compileVegaLite, renderSvg } from '../src/charts/vega-render';
import { byClass, parseSvg, textOf } from './support/svg-tree';

const rows = ['loss', 'accuracy'].flatMap((name, m) => Array.from({ length: 50 }, (_, step) => ({ step, metric: m === 0 ? 1 / (step + 1) : step / 50, name })));
const lineSpec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  title: 'Run abc',
  data: { values: rows },
  mark: 'line',
  encoding: {
    x: { field: 'step', type: 'quantitative', title: 'step' },
    y: { field: 'metric', type: 'quantitative', title: 'value' },
    color: { field: 'name', type: 'nominal', title: 'metric' },
  },
};

describe('SVG rendering with vega in Node', () => {
  it('draws one line per metric with axis titles and a legend', async () => {
    const svg = parseSvg(await renderSvg(lineSpec));
    expect(Number(svg.attrs.width)).toBeGreaterThan(100);
    // vega draws one line mark per series: one per metric, 50 points each
    const lines = byClass(svg, 'mark-line', 'role-mark');
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line.children.map((c) => c.name)).toEqual(['path']);
      expect(line.children[0]!.attrs.d).toMatch(/^M[\d.,-]+(L[\d.,-]+){49}$/);
    }
    const titles = byClass(svg, 'role-axis-title').map(textOf);
    expect(titles.sort()).toEqual(['step', 'value']);
    expect(byClass(svg, 'role-legend-label').map(textOf).sort()).toEqual(['accuracy', 'loss']);
    expect(byClass(svg, 'role-title-text').map(textOf)).toEqual(['Run abc']);
  });

  it('renders stacked specs and reports a spec that does not compile', async () => {
    const bar = { ...lineSpec, title: 'bars', mark: 'bar' };
    const svg = parseSvg(await renderSvg(stackSpecs([lineSpec, bar])));
    expect(byClass(svg, 'mark-rect', 'role-mark')).toHaveLength(1);
    expect(byClass(svg, 'mark-line', 'role-mark')).toHaveLength(2);
    await expect(compileVegaLite({ mark: 'nope' })).rejects.toThrow('The chart specification does not compile');
  });
});

describe('PNG rendering with resvg', () => {
  it('writes a PNG twice the SVG size', async () => {
    const svg = await renderSvg(lineSpec);
    const png = await svgToPng(svg);
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const view = new DataView(png.buffer, png.byteOffset);
    expect(view.getUint32(16)).toBe(Number(parseSvg(svg).attrs.width) * 2);
  });

  it.runIf(systemFontsPresent())('draws text with the system fonts', async () => {
    const image = await rasterize('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="5" y="30" font-family="sans-serif" font-size="24">loss</text></svg>', 1);
    let dark = 0;
    for (let i = 0; i < image.pixels.length; i += 4) if (image.pixels[i]! < 128) dark++;
    expect(dark).toBeGreaterThan(50);
  });
});
if (!systemFontsPresent()) console.log('[px] skipping the PNG text check: no system fonts (install fonts-dejavu-core)');
