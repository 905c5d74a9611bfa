import { htmlPage, type HtmlChart } from './html-page';
import { vendorScripts } from './vendor-scripts';

/** A self-contained HTML report of `charts`, with the vega builds of the installed packages inlined. */
export async function htmlReport(title: string, charts: readonly HtmlChart[]): Promise<string> {
  return htmlPage(title, charts, await vendorScripts());
}
