import { describe, expect, it } from 'vitest';
import { htmlPage } from './html-page';

describe('htmlPage', () => {
  it('inlines scripts and specs so that nothing can close the script early', () => {
    const html = htmlPage('Run <1>', [{ title: 'a&b', spec: { data: { values: [{ name: '</script><b>' }] } } }], ['var x = "</script>";']);
    expect(html).toContain('<title>Run &#60;1&#62;</title>');
    expect(html).toContain('<h2>a&#38;b</h2><div class="chart" id="chart-0"></div>');
    expect(html).toContain('<script>var x = "<\\/script>";</script>');
    expect(html).toContain('"name":"\\u003c/script>\\u003cb>"');
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).not.toMatch(/src=|href=|https?:\/\/(?!www\.w3)/);
    expect(html).toContain("default-src 'none'");
  });
});
