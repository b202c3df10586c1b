// Tornado chart: for each input, the result when the input sits at its low value and
// at its high value, as a bar around the base result. Largest swing on top.
import {
  chartColors,
  clip,
  linearScale,
  niceTicks,
  valueAxis,
  type ChartModel,
  type Shape,
} from './scene.ts';

export interface TornadoBar {
  label: string;
  /** Result with the input at its low value. */
  atLow: number;
  /** Result with the input at its high value. */
  atHigh: number;
  lowLabel?: string;
  highLabel?: string;
}

export interface TornadoOptions {
  title: string;
  desc: string;
  base: number;
  format: (v: number) => string;
  width?: number;
  max?: number;
  resultColumn?: string;
}

/** Sorts bars by swing |atHigh − atLow|, largest first, and keeps the `max` first. */
export function rankTornado(bars: readonly TornadoBar[], max = 10): TornadoBar[] {
  return [...bars].sort((a, b) => Math.abs(b.atHigh - b.atLow) - Math.abs(a.atHigh - a.atLow)).slice(0, max);
}

export function tornadoChart(bars: readonly TornadoBar[], o: TornadoOptions): ChartModel {
  const ranked = rankTornado(bars, o.max ?? 10);
  const width = o.width ?? 640;
  const rowH = 30;
  const left = 250;
  const right = 20;
  const top = 40;
  const plotBottom = top + Math.max(1, ranked.length) * rowH;
  const height = plotBottom + 24;
  const values = [o.base, ...ranked.flatMap((b) => [b.atLow, b.atHigh])];
  const ticks = niceTicks(Math.min(...values), Math.max(...values), 5);
  const x = linearScale(ticks[0] ?? 0, ticks[ticks.length - 1] ?? 1, left, width - right);
  const shapes: Shape[] = valueAxis(ticks, x, top, plotBottom, o.format);
  shapes.push({
    kind: 'text',
    x: x(o.base),
    y: 32,
    text: `Référence ${o.format(o.base)}`,
    anchor: 'middle',
    size: 11,
    bold: true,
  });
  // Legend in words: solid = the input at its low value, hatched = at its high value.
  shapes.push({ kind: 'rect', x: left, y: 4, width: 14, height: 10, fill: chartColors.low });
  shapes.push({ kind: 'text', x: left + 18, y: 13, text: 'donnée à sa valeur basse', size: 11 });
  shapes.push({
    kind: 'rect',
    x: left + 170,
    y: 4,
    width: 14,
    height: 10,
    fill: chartColors.high,
    hatch: true,
  });
  shapes.push({ kind: 'text', x: left + 188, y: 13, text: 'donnée à sa valeur haute', size: 11 });
  ranked.forEach((b, i) => {
    const y = top + i * rowH + 5;
    shapes.push({ kind: 'text', x: left - 8, y: y + 14, text: clip(b.label, 40), anchor: 'end', size: 11 });
    // The low-value half is plain, the high-value half is hatched: readable in black and white.
    for (const [value, hatch] of [
      [b.atLow, false],
      [b.atHigh, true],
    ] as const) {
      const x0 = Math.min(x(o.base), x(value));
      const w = Math.abs(x(value) - x(o.base));
      shapes.push({
        kind: 'rect',
        x: x0,
        y,
        width: Math.max(1, w),
        height: rowH - 10,
        fill: hatch ? chartColors.high : chartColors.low,
        hatch,
      });
    }
  });
  shapes.push({
    kind: 'line',
    x1: x(o.base),
    y1: top - 2,
    x2: x(o.base),
    y2: plotBottom,
    stroke: chartColors.ink,
    width: 1.5,
  });
  return {
    title: o.title,
    desc: o.desc,
    scene: { width, height, shapes },
    table: {
      columns: [
        'Donnée',
        'Valeur basse',
        `${o.resultColumn ?? 'Résultat'} (basse)`,
        'Valeur haute',
        `${o.resultColumn ?? 'Résultat'} (haute)`,
      ],
      rows: ranked.map((b) => [
        b.label,
        b.lowLabel ?? '',
        o.format(b.atLow),
        b.highLabel ?? '',
        o.format(b.atHigh),
      ]),
    },
  };
}
