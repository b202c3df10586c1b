// Distribution of the total cost of each offer over the Monte Carlo draws: a histogram
// outline per offer (densities, so bins of different widths compare) (different colour and dash), with its P10 / P50 / P90 marked by
// labelled ticks. The table alternative gives the percentiles.
import { chartColors, linearScale, niceTicks, type ChartModel, type Shape } from './scene.ts';

/** One bin of a histogram: `count` draws fell in [from, to). */
export interface Bin {
  from: number;
  to: number;
  count: number;
}

export interface DistributionSeries {
  name: string;
  bins: readonly Bin[];
  p10: number;
  p50: number;
  p90: number;
}

export interface DistributionOptions {
  title: string;
  desc: string;
  format: (v: number) => string;
  width?: number;
}

/** Counts samples in `bins` equal bins over [min, max] (the last bin includes max; outside values are dropped). */
export function histogram(samples: ArrayLike<number>, min: number, max: number, bins: number): Bin[] {
  const width = (max - min) / Math.max(1, bins);
  const out: Bin[] = Array.from({ length: Math.max(0, bins) }, (_, i) => ({
    from: min + i * width,
    to: min + (i + 1) * width,
    count: 0,
  }));
  for (let i = 0; i < samples.length; i++) {
    const v = samples[i]!;
    if (v < min || v > max || out.length === 0) continue;
    const b = width === 0 ? 0 : Math.min(bins - 1, Math.floor((v - min) / width));
    out[b]!.count++;
  }
  return out;
}

/** Probability density of each bin (share of draws per unit of value), so bins of unequal width compare. */
export function densities(bins: readonly Bin[]): number[] {
  const total = bins.reduce((a, b) => a + b.count, 0);
  return bins.map((b) => (total === 0 || b.to === b.from ? 0 : b.count / total / (b.to - b.from)));
}

const styles = [
  { stroke: chartColors.far, dash: [6, 4] as number[] | undefined },
  { stroke: chartColors.local, dash: undefined },
];

function range(series: readonly DistributionSeries[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const s of series) {
    for (const b of s.bins) {
      if (b.count === 0) continue;
      min = Math.min(min, b.from);
      max = Math.max(max, b.to);
    }
  }
  return [min, max];
}

export function distributionChart(series: readonly DistributionSeries[], o: DistributionOptions): ChartModel {
  const width = o.width ?? 640;
  const height = 260 + series.length * 16;
  const left = 20;
  const right = 20;
  const top = 14;
  const plotBottom = 200;
  const [min, max] = range(series);
  const ticks = Number.isFinite(min) ? niceTicks(min, max, 6) : [0, 1];
  const lo = ticks[0] ?? 0;
  const hi = ticks[ticks.length - 1] ?? 1;
  const x = linearScale(lo, hi, left, width - right);
  const dens = series.map((s) => densities(s.bins));
  const peak = Math.max(1e-12, ...dens.flat());
  const y = linearScale(0, peak, plotBottom, top);
  const shapes: Shape[] = [];
  for (const t of ticks) {
    shapes.push({ kind: 'line', x1: x(t), y1: top, x2: x(t), y2: plotBottom, stroke: chartColors.grid });
    shapes.push({
      kind: 'text',
      x: x(t),
      y: plotBottom + 14,
      text: o.format(t),
      anchor: 'middle',
      size: 11,
      fill: chartColors.muted,
    });
  }
  shapes.push({
    kind: 'line',
    x1: left,
    y1: plotBottom,
    x2: width - right,
    y2: plotBottom,
    stroke: chartColors.ink,
  });
  series.forEach((s, si) => {
    const st = styles[si % styles.length]!;
    const d = dens[si]!;
    const first = s.bins[0];
    const last = s.bins[s.bins.length - 1];
    if (!first || !last) return;
    const pts: [number, number][] = [[x(first.from), y(0)]];
    s.bins.forEach((b, i) => {
      pts.push([x(b.from), y(d[i]!)], [x(b.to), y(d[i]!)]);
    });
    pts.push([x(last.to), y(0)]);
    shapes.push({
      kind: 'path',
      points: pts,
      stroke: st.stroke,
      width: 2,
      dash: st.dash,
      fill: st.stroke,
      fillOpacity: 0.12,
    });
  });
  // Percentile markers: one row per offer under the axis, P50 bold.
  series.forEach((s, si) => {
    const st = styles[si % styles.length]!;
    const rowY = plotBottom + 36 + si * 22;
    shapes.push({
      kind: 'text',
      x: left,
      y: rowY + 4,
      text: s.name,
      anchor: 'start',
      size: 11,
      bold: true,
      fill: st.stroke,
    });
    shapes.push({
      kind: 'line',
      x1: x(s.p10),
      y1: rowY,
      x2: x(s.p90),
      y2: rowY,
      stroke: st.stroke,
      width: 2,
      dash: st.dash,
    });
    const marks = [
      ['P10', s.p10],
      ['P50', s.p50],
      ['P90', s.p90],
    ] as const;
    for (const [p, v] of marks) {
      shapes.push({
        kind: 'line',
        x1: x(v),
        y1: rowY - 6,
        x2: x(v),
        y2: rowY + 6,
        stroke: st.stroke,
        width: p === 'P50' ? 3 : 1.5,
      });
      shapes.push({
        kind: 'line',
        x1: x(v),
        y1: top,
        x2: x(v),
        y2: plotBottom,
        stroke: st.stroke,
        width: p === 'P50' ? 1.5 : 0.75,
        dash: [3, 3],
      });
      // P10 / P90 labels give way to the P50 label when the spread is too narrow to read them.
      if (p === 'P50' || Math.abs(x(v) - x(s.p50)) >= 22) {
        shapes.push({
          kind: 'text',
          x: x(v),
          y: rowY - 8,
          text: p,
          anchor: 'middle',
          size: 9,
          fill: st.stroke,
        });
      }
    }
  });
  return {
    title: o.title,
    desc: o.desc,
    scene: { width, height, shapes },
    table: {
      columns: ['Offre', 'P10', 'P50 (médiane)', 'P90'],
      rows: series.map((s) => [s.name, o.format(s.p10), o.format(s.p50), o.format(s.p90)]),
    },
  };
}
