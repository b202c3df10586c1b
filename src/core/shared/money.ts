// Money is integer cents (DESIGN.md §4): never a float in storage or arithmetic.
declare const centsBrand: unique symbol;
/** An amount of money in euro cents, an integer (safe while below 2^53). */
export type Cents = number & { readonly [centsBrand]: 'Cents' };

export function cents(value: number): Cents {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Montant en centimes non entier : ${value}`);
  return value as Cents;
}

/** Sums cents exactly. */
export function sumCents(values: Iterable<number>): Cents {
  let total = 0;
  for (const v of values) total += v;
  return cents(total);
}

/**
 * Splits an amount pro rata to weights so that the parts add up exactly to the total
 * (largest-remainder method: the cents lost to rounding go to the largest remainders).
 */
export function allocateCents(total: number, weights: readonly number[]): Cents[] {
  const weightSum = weights.reduce((a, b) => a + Math.abs(b), 0);
  if (weights.length === 0) return [];
  if (weightSum === 0) {
    const even = weights.map(() => 1);
    return allocateCents(total, even);
  }
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  const raw = weights.map((w) => (abs * Math.abs(w)) / weightSum);
  const parts = raw.map(Math.floor);
  let rest = abs - parts.reduce((a, b) => a + b, 0);
  const order = raw
    .map((r, i) => ({ i, frac: r - Math.floor(r) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (rest <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    rest--;
  }
  return parts.map((p) => cents(p * sign));
}

/** Share of a part in a whole, in percent, computed from cents; null when the whole is zero. */
export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : (part * 100) / whole;
}

const euroFormat = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });
const euroFormatRound = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});

/** 123456 → "1 234,56 €" (French formatting, narrow no-break spaces as Intl writes them). */
export function formatEuros(amount: number, options: { round?: boolean } = {}): string {
  return (options.round ? euroFormatRound : euroFormat).format(amount / 100);
}

/** 46.2 → "46 %" (rounded for display only). */
export function formatPercent(value: number, digits = 0): string {
  return `${value.toLocaleString('fr-FR', { maximumFractionDigits: digits, minimumFractionDigits: digits })} %`;
}
