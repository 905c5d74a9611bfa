import type { VegaLiteSpec } from './vega-render';

/** One chart of an HTML report. */
export interface HtmlChart {
  readonly title: string;
  readonly spec: VegaLiteSpec;
}

/** Text safe inside `<script>`: no `</script`, `<!--` or line separators that end or change it. */
function scriptSafe(text: string): string {
  return text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * One self-contained HTML page (no network access needed): the given
 * scripts (vega, vega-lite, vega-embed builds) inlined, then one chart per
 * entry rendered as SVG by vega-embed. Data is embedded as JSON with `<`
 * escaped, so no value can break out of the script.
 */
export function htmlPage(title: string, charts: readonly HtmlChart[], scripts: readonly string[]): string {
  const data = JSON.stringify(charts.map((c) => c.spec)).replace(/</g, '\\u003c');
  const sections = charts.map((c, i) => `<section><h2>${escapeHtml(c.title)}</h2><div class="chart" id="chart-${i}"></div></section>`).join('\n');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:sans-serif;margin:2em;color:#222}h1{font-size:1.4em}h2{font-size:1.1em;margin-top:2em}.error{color:#b00}</style>',
    '</head>',
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
    sections,
    ...scripts.map((s) => `<script>${scriptSafe(s)}</script>`),
    '<script>',
    `const specs = ${data};`,
    'Promise.all(specs.map((spec, i) => vegaEmbed(`#chart-${i}`, spec, { renderer: "svg", actions: false })))',
    '  .then(() => { document.body.dataset.rendered = String(specs.length); })',
    '  .catch((error) => { const p = document.createElement("p"); p.className = "error"; p.textContent = String(error); document.body.append(p); console.error(error); });',
    '</script>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
