// Helpers of the value-or-range inputs (numbers are read with the core's parseFrenchNumber).
import type { Range3, Uncertain } from '../../../core/tco/index.ts';

/** 1234.5 → "1234,5" (no grouping: the text stays easy to edit). */
export function formatForInput(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '';
  return String(Number(v.toPrecision(12))).replace('.', ',');
}

export const likelyOf = (v: Uncertain | undefined): number | undefined =>
  v === undefined ? undefined : typeof v === 'number' ? v : v.likely;

export const isRange = (v: Uncertain | undefined): v is Range3 => typeof v === 'object' && v !== null;

/** Multiplies a value or a range (percent display of fractions). */
export function scaleUncertain(v: Uncertain, k: number): Uncertain {
  const r = (x: number) => Number((x * k).toPrecision(12));
  return typeof v === 'number' ? r(v) : { low: r(v.low), likely: r(v.likely), high: r(v.high) };
}

/** Checks low ≤ likely ≤ high; a French message otherwise. */
export function rangeProblem(r: Range3): string | null {
  if (r.low > r.likely) return 'La valeur basse dépasse la valeur probable.';
  if (r.likely > r.high) return 'La valeur probable dépasse la valeur haute.';
  return null;
}
