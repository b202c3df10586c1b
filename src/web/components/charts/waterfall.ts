// Waterfall from the purchase price to the total cost: one horizontal bar per step,
// floating from the running total before the step to the total after it. Labels sit
// beside the bars ("+ 0,42 €"), so an increase is told from a decrease without colour.
import {
  chartColors,
  clip,
  linearScale,
  niceTicks,
  valueAxis,
  type ChartModel,
  type Shape,
} from './scene.ts';

export interface WaterfallStep {
  label: string;
  /** The change this step brings (a total step gives the running total instead). */
  value: number;
  /** A total bar drawn from zero (the price at the start, the TCO at the end). */
  total?: boolean;
}

export interface WaterfallOptions {
  title: string;
  desc: string;
  format: (v: number) => string;
  width?: number;
  valueColumn?: string;
}

export interface WaterfallBar {
  label: string;
  start: number;
  end: number;
  total: boolean;
}

/** Running totals of a waterfall: each step floats from the previous total. */
export function waterfallBars(steps: readonly WaterfallStep[]): WaterfallBar[] {
  let running = 0;
  return steps.map((s) => {
    if (s.total) {
      running = s.value;
      return { label: s.label, start: 0, end: s.value, total: true };
    }
    const start = running;
    running += s.value;
    return { label: s.label, start, end: running, total: false };
  });
}

export function waterfallChart(steps: readonly WaterfallStep[], o: WaterfallOptions): ChartModel {
  const width = o.width ?? 640;
  const rowH = 26;
  const left = 190;
  const right = 90;
  const top = 8;
  const bars = waterfallBars(steps);
  const plotBottom = top + bars.length * rowH;
  const height = plotBottom + 24;
  const values = bars.flatMap((b) => [b.start, b.end]);
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values), 5);
  const x = linearScale(ticks[0] ?? 0, ticks[ticks.length - 1] ?? 1, left, width - right);
  const shapes: Shape[] = valueAxis(ticks, x, top, plotBottom, o.format);
  bars.forEach((b, i) => {
    const y = top + i * rowH + 4;
    const x0 = x(Math.min(b.start, b.end));
    const x1 = x(Math.max(b.start, b.end));
    const rising = b.end >= b.start;
    const fill = b.total ? chartColors.total : rising ? chartColors.up : chartColors.down;
    shapes.push({
      kind: 'text',
      x: left - 8,
      y: y + 13,
      text: clip(b.label, 30),
      anchor: 'end',
      size: 12,
      bold: b.total,
    });
    shapes.push({
      kind: 'rect',
      x: x0,
      y,
      width: Math.max(1, x1 - x0),
      height: rowH - 8,
      fill,
      hatch: !b.total && !rising,
    });
    const delta = b.end - b.start;
    const text = b.total ? o.format(b.end) : `${delta >= 0 ? '+' : '−'} ${o.format(Math.abs(delta))}`;
    shapes.push({ kind: 'text', x: x1 + 6, y: y + 13, text, anchor: 'start', size: 12, bold: b.total });
    const next = bars[i + 1];
    if (next && !next.total) {
      shapes.push({
        kind: 'line',
        x1: x(b.end),
        y1: y + rowH - 8,
        x2: x(b.end),
        y2: y + rowH + 4,
        stroke: chartColors.muted,
        dash: [2, 2],
      });
    }
  });
  shapes.push({
    kind: 'line',
    x1: x(0),
    y1: top,
    x2: x(0),
    y2: plotBottom,
    stroke: chartColors.ink,
    width: 1,
  });
  return {
    title: o.title,
    desc: o.desc,
    scene: { width, height, shapes },
    table: {
      columns: ['Étape', o.valueColumn ?? 'Montant', 'Cumul'],
      rows: bars.map((b) => [
        b.label,
        b.total
          ? o.format(b.end)
          : `${b.end - b.start >= 0 ? '+' : '−'} ${o.format(Math.abs(b.end - b.start))}`,
        o.format(b.end),
      ]),
    },
  };
}
