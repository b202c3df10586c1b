import { describe, expect, it } from 'vitest';
import { isoFromDateNumber, parseAmountCents, parseDateNumber, parseSens } from './values.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
function amount(text: string): { cents: number; rounded: boolean } {
  const status = { rounded: false };
  const b = bytes(text);
  return { cents: parseAmountCents(b, 0, b.length, status), rounded: status.rounded };
}
function date(text: string): string | number {
  const b = bytes(text);
  const n = parseDateNumber(b, 0, b.length);
  return n > 0 ? isoFromDateNumber(n) : n;
}

describe('amounts as accounting software writes them, read in cents', () => {
  it.each([
    ['1234,56', 123456],
    ['1234.56', 123456],
    ['0,00', 0],
    ['', 0],
    ['     ', 0],
    ['12', 1200],
    ['12,5', 1250],
    ['12,', 1200],
    [',5', 50],
    ['0000000069,60', 6960],
    ['   1200,00', 120000],
    ['1200,00   ', 120000],
    ['-12,50', -1250],
    ['12,50-', -1250],
    ['+12,50', 1250],
    ['- 12,50', -1250],
    ['1 234,56', 123456],
    ['1\u00a0234,56', 123456],
    ["1'234.56", 123456],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['1.234.567', 123456700],
    ['1 234 567,89', 123456789],
    ['12,345', 1235],
    ['0,005', 1],
    ['99999999999,99', 9999999999999],
  ])('%j → %d cents', (text, cents) => {
    expect(amount(text).cents).toBe(cents);
  });

  it('flags an amount rounded to the cent, not one whose extra decimals are zeros', () => {
    expect(amount('12,345')).toEqual({ cents: 1235, rounded: true });
    expect(amount('12,3400')).toEqual({ cents: 1234, rounded: false });
  });

  it.each(['abc', '12a', '1,2,3', '1.23.4', '--12', '-12-', '-', ',', '1 23,00', '12 34', '1,234,56', '12€'])(
    'refuses %j',
    (text) => {
      expect(amount(text).cents).toBeNaN();
    },
  );

  it('keeps zero unsigned', () => {
    expect(Object.is(amount('-0,00').cents, 0)).toBe(true);
  });
});

describe('dates', () => {
  it.each([
    ['20240131', '2024-01-31'],
    ['2024-01-31', '2024-01-31'],
    ['31/01/2024', '2024-01-31'],
    [' 20240229 ', '2024-02-29'],
  ])('%j → %s', (text, iso) => {
    expect(date(text)).toBe(iso);
  });

  it.each([
    '20230229',
    '20241301',
    '20240100',
    '2024013',
    '2024/01/31',
    '01/31/2024',
    '31-01-2024',
    'aaaammjj',
  ])('refuses %j', (text) => {
    expect(date(text)).toBe(-1);
  });

  it('reads a blank date as 0 (absent), not as an error', () => {
    expect(date('   ')).toBe(0);
  });
});

describe('Sens column', () => {
  it.each([
    ['D', 1],
    ['d', 1],
    ['+1', 1],
    ['1', 1],
    ['C', -1],
    ['-1', -1],
    [' C ', -1],
    ['X', 0],
    ['', 0],
    ['+2', 0],
  ])('%j → %d', (text, sens) => {
    const b = bytes(text);
    expect(parseSens(b, 0, b.length)).toBe(sens);
  });
});
