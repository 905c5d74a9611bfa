import { existsSync } from 'node:fs';
import type * as ResvgModule from '@resvg/resvg-js';
import type { RenderedImage } from '@resvg/resvg-js';
import { importModule } from '../import-module';

/** Font families tried, in order, for the generic `sans-serif` family Vega uses. */
const SANS_FAMILIES = ['DejaVu Sans', 'Liberation Sans', 'Noto Sans', 'Arial'];

/** Where Debian and most Linux distributions keep fonts (resvg loads system fonts from them). */
export const SYSTEM_FONT_DIRS = ['/usr/share/fonts', '/usr/local/share/fonts'];

/** Whether any system font folder exists (text in PNGs needs one; SVG text does not). */
export function systemFontsPresent(): boolean {
  return SYSTEM_FONT_DIRS.some((dir) => existsSync(dir));
}

/**
 * Rasterises an SVG document to PNG bytes with `@resvg/resvg-js` (prebuilt,
 * no browser; loaded on first use) at `scale` times its size on a white
 * background, with the system's fonts.
 */
export async function svgToPng(svg: string, scale = 2): Promise<Uint8Array> {
  return (await rasterize(svg, scale)).asPng();
}

/** The rendered image of {@link svgToPng} (RGBA `pixels`, `width`, `height`, `asPng()`). */
export async function rasterize(svg: string, scale = 2): Promise<RenderedImage> {
  const { Resvg } = await importModule<typeof ResvgModule>('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: SANS_FAMILIES[0], sansSerifFamily: SANS_FAMILIES[0] },
  });
  return resvg.render();
}
