// French formatting of the figures of the measure page. Percentages come computed from
// cents by core/ibal; they are only rounded here, for display.
import { formatEuros, formatPercent } from '../../../core/shared/index.ts';

export function euros(cents: number): string {
  return formatEuros(cents);
}

export function roundEuros(cents: number): string {
  return formatEuros(cents, { round: true });
}

/** 46.2 → "46 %"; null (nothing to divide) → "—". */
export function percent(value: number | null, digits = 0): string {
  return value === null ? '—' : formatPercent(value, digits);
}

/** Share of part in whole, "12 %", computed here only for display of a breakdown. */
export function shareText(part: number, whole: number): string {
  return whole === 0 ? '—' : formatPercent((part * 100) / whole);
}

const integerFormat = new Intl.NumberFormat('fr-FR');
export function integer(n: number): string {
  return integerFormat.format(n);
}

/** 12_345_678 bytes → "11,8 Mo". */
export function bytes(n: number): string {
  if (n < 1024) return `${integer(n)} o`;
  if (n < 1024 * 1024) return `${(n / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Ko`;
  return `${(n / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo`;
}
