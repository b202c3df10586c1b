// The badge as a PNG on Node: the very SVG that core/ibal writes (the page rasterises the same
// SVG with a canvas), drawn by resvg (@resvg/resvg-js: Rust, prebuilt binaries shipped as npm
// packages, nothing downloaded at install or run time). Text uses the system's fonts.
import { Resvg } from '@resvg/resvg-js';

/** Pixels per SVG unit: the 340 × 160 badge becomes 680 × 320, sharp on high-density screens. */
export const BADGE_PNG_SCALE = 2;

export function svgToPng(svg: string, scale = BADGE_PNG_SCALE): Uint8Array {
  const rendered = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' },
  }).render();
  return new Uint8Array(rendered.asPng());
}
