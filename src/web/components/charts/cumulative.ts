// Cumulative "hard → soft" costs: for each offer, the running total as cost groups are
// added from the hardest (price, transport, duties) to the softest (risk, strategy,
// carbon). Shows where the cheaper-looking offer loses its lead. Series differ by colour,
// dash pattern, marker shape and a direct label at the line end.
import { chartColors, clip, linearScale, niceTicks, type ChartModel, type Shape } from './scene.ts';

export interface CumulativeSeries {
  name: string;
  /** Cost added by each step, in the order of `steps`. */
  values: readonly number[];
}

export interface CumulativeOptions {
  title: string;
  desc: string;
  /** Short step labels, hard to soft (e.g. "Prix", "Rendu", "Stocks"...). */
  steps: readonly string[];
  format: (v: number) => string;
  width?: number;
}

export function runningTotals(values: readonly number[]): number[] {
  let total = 0;
  return values.map((v) => (total += v));
}

const seriesStyle = [
  { stroke: chartColors.far, dash: [6, 4] as number[], marker: 'square' as const },
  { stroke: chartColors.local, dash: undefined, marker: 'circle' as const },
  { stroke: chartColors.total, dash: [2, 3] as number[], marker: 'circle' as const },
];

export function cumulativeChart(series: readonly CumulativeSeries[], o: CumulativeOptions): ChartModel {
  const width = o.width ?? 640;
  const left = 70;
  const right = 130;
  const top = 12;
  const bottom = 44;
  const height = 280;
  const totals = series.map((s) => runningTotals(s.values));
  const all = totals.flat();
  const ticks = niceTicks(Math.min(0, ...all), Math.max(0, ...all), 5);
  const y = linearScale(ticks[0] ?? 0, ticks[ticks.length - 1] ?? 1, height - bottom, top);
  const x = linearScale(0, Math.max(1, o.steps.length - 1), left + 10, width - right);
  const shapes: Shape[] = [];
  for (const t of ticks) {
    shapes.push({ kind: 'line', x1: left, y1: y(t), x2: width - right, y2: y(t), stroke: chartColors.grid });
    shapes.push({
      kind: 'text',
      x: left - 6,
      y: y(t) + 4,
      text: o.format(t),
      anchor: 'end',
      size: 11,
      fill: chartColors.muted,
    });
  }
  o.steps.forEach((label, i) => {
    shapes.push({
      kind: 'text',
      x: x(i),
      y: height - bottom + 16,
      text: clip(label, 12),
      anchor: 'middle',
      size: 11,
    });
  });
  shapes.push({
    kind: 'text',
    x: left + 10,
    y: height - 8,
    text: 'coûts durs',
    anchor: 'start',
    size: 11,
    fill: chartColors.muted,
  });
  shapes.push({
    kind: 'text',
    x: width - right,
    y: height - 8,
    text: 'coûts diffus →',
    anchor: 'end',
    size: 11,
    fill: chartColors.muted,
  });
  totals.forEach((tot, si) => {
    const style = seriesStyle[si % seriesStyle.length]!;
    const points = tot.map((v, i) => [x(i), y(v)] as const);
    shapes.push({ kind: 'path', points, stroke: style.stroke, width: 2.5, dash: style.dash });
    for (const [px, py] of points) {
      if (style.marker === 'square')
        shapes.push({ kind: 'rect', x: px - 4, y: py - 4, width: 8, height: 8, fill: style.stroke });
      else shapes.push({ kind: 'circle', cx: px, cy: py, r: 4, fill: style.stroke });
    }
    const last = points[points.length - 1];
    if (last) {
      const name = series[si]!.name;
      // Direct labels, nudged apart when the two ends are close.
      const other = totals[1 - si]?.at(-1);
      const nudge =
        other !== undefined && Math.abs(y(other) - last[1]) < 28 ? (last[1] <= y(other) ? -8 : 8) : 0;
      shapes.push({
        kind: 'text',
        x: last[0] + 8,
        y: last[1] + nudge,
        text: clip(name, 18),
        anchor: 'start',
        size: 12,
        bold: true,
        fill: style.stroke,
      });
      shapes.push({
        kind: 'text',
        x: last[0] + 8,
        y: last[1] + nudge + 14,
        text: o.format(tot.at(-1) ?? 0),
        anchor: 'start',
        size: 11,
        fill: style.stroke,
      });
    }
  });
  return {
    title: o.title,
    desc: o.desc,
    scene: { width, height, shapes },
    table: {
      columns: ['Étape (cumul)', ...series.map((s) => s.name)],
      rows: o.steps.map((label, i) => [label, ...totals.map((t) => o.format(t[i] ?? 0))]),
    },
  };
}
