import { describe, expect, it } from 'vitest';
import { allocateCents, formatEuros, formatPercent, parseSiren, parseSiret, withLuhnDigit } from './index.ts';

describe('identifiers', () => {
  it.each([
    ['732829320', true], // a real, Luhn-valid SIREN
    ['732829321', false],
    ['356000000', true], // La Poste, the documented exception
    ['12345678', false],
  ])('SIREN %s valid: %s', (raw, valid) => {
    expect(parseSiren(raw).ok).toBe(valid);
  });

  it('accepts SIRETs written with spaces and rejects a wrong key with a French message', () => {
    expect(parseSiret('732 829 320 00074').ok).toBe(true);
    const bad = parseSiret('73282932000075');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/clé de contrôle/);
  });

  it('accepts La Poste establishments whose digits sum to a multiple of 5', () => {
    expect(parseSiret('35600000000048').ok).toBe(true);
  });

  it('completes a number with its Luhn digit', () => {
    expect(parseSiren(withLuhnDigit('12345678')).ok).toBe(true);
  });
});

describe('money', () => {
  it('splits an invoice pro rata without losing a cent', () => {
    expect(allocateCents(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateCents(-1001, [3, 1])).toEqual([-751, -250]);
    expect(allocateCents(500, [0, 0])).toEqual([250, 250]);
  });

  it('formats euros and percentages the French way', () => {
    expect(formatEuros(123456).replace(/\s/g, ' ')).toBe('1 234,56 €');
    expect(formatPercent(46.2)).toBe('46 %');
  });
});
