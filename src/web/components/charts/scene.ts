// A chart is described once as a "scene" (rectangles, lines, paths and texts in a
// width × height box), then drawn by two renderers: SVG in the page (chart.tsx) and
// vector drawing in the PDF dossier (pdf-draw.ts). The scene functions are pure and
// tested; the renderers only translate primitives.

export interface RectShape {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  stroke?: string;
  /** Diagonal hatching over the fill, so a series is told apart without its colour. */
  hatch?: boolean;
}
export interface LineShape {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  stroke: string;
  width?: number;
  dash?: number[];
}
export interface PathShape {
  kind: 'path';
  points: readonly (readonly [number, number])[];
  stroke: string;
  width?: number;
  dash?: number[];
  /** Closes the path and fills it (an area under a curve). */
  fill?: string;
  fillOpacity?: number;
}
export interface CircleShape {
  kind: 'circle';
  cx: number;
  cy: number;
  r: number;
  fill: string;
  stroke?: string;
}
export interface TextShape {
  kind: 'text';
  x: number;
  y: number;
  text: string;
  anchor?: 'start' | 'middle' | 'end';
  size?: number;
  bold?: boolean;
  fill?: string;
}
export type Shape = RectShape | LineShape | PathShape | CircleShape | TextShape;

export interface Scene {
  width: number;
  height: number;
  shapes: Shape[];
}

/** The accessible alternative of a chart: the same figures as a table. */
export interface ChartTable {
  columns: string[];
  rows: string[][];
}

/** Everything a chart needs to be shown, read by a screen reader, and printed. */
export interface ChartModel {
  title: string;
  desc: string;
  scene: Scene;
  table: ChartTable;
}

/**
 * Colours with at least 4.5:1 contrast on white (text) — hence ≥ 3:1 for graphics (WCAG 1.4.11).
 * Meaning is never carried by colour alone: series also differ by dash, hatching and direct labels.
 */
export const chartColors = {
  ink: '#1b1f24',
  muted: '#4a5360',
  grid: '#d3dbe2',
  /** Local offer (brand blue, 8.9:1). */
  local: '#0b4f6c',
  /** Far-away offer (dark orange, 5.6:1). */
  far: '#a24a00',
  /** An increase in a waterfall (dark red, 6.6:1). */
  up: '#b3261e',
  /** A decrease in a waterfall (dark green, 6.4:1). */
  down: '#1e6b3a',
  total: '#3a4450',
  /** Tornado: input at its low value (solid) and at its high value (hatched). */
  low: '#3a4450',
  high: '#6a3d9a',
} as const;

/** Maps a domain [d0, d1] linearly onto a range [r0, r1]; a flat domain maps to the range's middle. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** "Nice" round tick values (1, 2, 2.5 or 5 × 10^n steps) covering [min, max], about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min > max) [min, max] = [max, min];
  if (min === max) {
    if (min === 0) return [0, 1];
    const pad = Math.abs(min) * 0.1;
    min -= pad;
    max += pad;
  }
  const raw = (max - min) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * mag;
  const start = Math.floor(min / step + 1e-9) * step;
  const ticks: number[] = [];
  for (let v = start; v <= max + step * 1e-9 || ticks.length < 2; v += step) {
    ticks.push(Number(v.toPrecision(12)));
    if (ticks.length > 50) break;
  }
  if (ticks[ticks.length - 1]! < max - step * 1e-9)
    ticks.push(Number((start + ticks.length * step).toPrecision(12)));
  return ticks;
}

/**
 * Shortens a label to `max` characters with an ellipsis (charts only; tables keep the full text).
 * A final parenthesis, such as the offer in "Taux de défauts (Shenzhen)", is kept whole.
 */
export function clip(label: string, max: number): string {
  if (label.length <= max) return label;
  const m = /^(.*\S)\s(\([^()]{1,24}\))$/.exec(label);
  if (m && m[2]!.length < max - 6) return `${truncate(m[1]!, max - m[2]!.length - 1)} ${m[2]}`;
  return truncate(label, max);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/** Vertical axis gridlines and labels for a horizontal value axis (used by bar charts). */
export function valueAxis(
  ticks: readonly number[],
  x: (v: number) => number,
  top: number,
  bottom: number,
  format: (v: number) => string,
): Shape[] {
  const shapes: Shape[] = [];
  for (const t of ticks) {
    const px = x(t);
    shapes.push({ kind: 'line', x1: px, y1: top, x2: px, y2: bottom, stroke: chartColors.grid, width: 1 });
    shapes.push({
      kind: 'text',
      x: px,
      y: bottom + 14,
      text: format(t),
      anchor: 'middle',
      size: 11,
      fill: chartColors.muted,
    });
  }
  return shapes;
}
