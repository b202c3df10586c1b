import { describe, expect, it } from 'vitest';
import { computeTco, expandQuickInput, parseBatchCsv, parseFrenchNumber, screenBatch } from './index.ts';
import type { QuickInput } from './types.ts';

const quick: QuickInput = {
  product: 'Carter aluminium',
  annualVolume: 20000,
  unitWeightKg: 1.2,
  far: { price: 9.8, currency: 'USD', originPortId: 'CNSZX' },
  local: { price: 10.6, city: 'Loudéac' },
  freight: 'fcl',
  dutyRate: 0.06,
};

describe('quick mode', () => {
  it('expands eight inputs into a full scenario whose hypotheses are written and sourced', () => {
    const s = expandQuickInput(quick);
    expect(s.offers.map((o) => [o.id, o.role, o.transport.mainMode])).toEqual([
      ['far', 'far', 'sea'],
      ['local', 'local', 'road'],
    ]);
    expect(s.offers[1]!.origin).toMatchObject({ country: 'FR', lat: 48.1776, lon: -2.7558 });
    // 2 400 USD (Drewry WCI, April 2025) ÷ 1.16 USD/€ = 2 069 €, from 0.7× (1 448 €) to 2.5× (5 173 €)
    expect(s.offers[0]!.landed!.freightPerShipment).toEqual({ low: 1448, likely: 2069, high: 5173 });
    expect(s.assumptions!['offers.far.landed.freightPerShipment']).toMatch(/Drewry/);
    expect(s.assumptions!['offers.far.landed.dutyRate']).toMatch(/TARIC/);
  });

  it('computes: dearer on TCO than on price, with the probability and the break-even price', () => {
    const r = computeTco(expandQuickInput(quick), { draws: 3000, seed: 1 });
    if (!r.ok) throw new Error(r.error.map((p) => p.message).join(' '));
    const cmp = r.value.comparisons[0]!;
    expect(cmp.priceGapPerUnit).toBeLessThan(0);
    expect(cmp.tcoGapPerUnit).toBeGreaterThan(cmp.priceGapPerUnit);
    expect(cmp.breakEvenReferencePrice!.referenceTcoCents).toBe(cmp.breakEvenReferencePrice!.otherTcoCents);
    const p = r.value.uncertainty!.pairs[0]!.pReferenceCheaper;
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThanOrEqual(1);
    // 20 000 × 1.2 kg = 24 t a year: 2 forty-foot containers of 12 t
    const a4 = r.value.offers[0]!.lines.find((l) => l.id === 'A4')!;
    expect(a4.inputs.find((i) => i.name === 'Envois par an (n)')!.value).toBe(2);
  });

  it('delivered (DAP) prices carry no freight, insurance or pre-carriage', () => {
    const r = computeTco(expandQuickInput({ ...quick, freight: 'delivered' }), { draws: 0 });
    if (!r.ok) throw new Error('invalid');
    const line = (id: string) => r.value.offers[0]!.lines.find((l) => l.id === id)!.perUnit;
    expect([line('A4'), line('A5'), line('A7')]).toEqual([0, 0, 0]);
  });
});

describe('French numbers and the batch CSV', () => {
  it.each([
    ['1 234,56', 1234.56],
    ['1234.56', 1234.56],
    ['12,5 €', 12.5],
    ['1.234,5', 1234.5],
    ['abc', null],
    ['', null],
  ])('reads « %s » as %s', (text, expected) => {
    expect(parseFrenchNumber(text)).toBe(expected);
  });

  it('reads a semicolon CSV with a BOM, quotes, aliases and a decimal comma, and reports bad lines', () => {
    const csv =
      '\uFEFFRéférence;Quantité annuelle;Poids unitaire (kg);Prix lointain;Devise;Port d’origine;Prix local\r\n' +
      '"Vis M8; inox";100000;0,05;0,12;usd;cnngb;0,19\r\n' +
      'Carter;20000;1,2;9,80;USD;CNSZX;10,60\r\n' +
      'Bride;1000;2;-3;USD;CNSHA;5\r\n' +
      'Axe;1000;2;3;USD;ZZZZZ;5\r\n';
    const parsed = parseBatchCsv(csv);
    expect(parsed.rows.map((r) => r.row.reference)).toEqual(['Vis M8; inox', 'Carter']);
    expect(parsed.rows[0]!.row).toMatchObject({
      annualVolume: 100000,
      unitWeightKg: 0.05,
      farCurrency: 'USD',
      farOriginPortId: 'CNNGB',
    });
    expect(parsed.problems.map((p) => p.line)).toEqual([4, 5]);
    expect(parsed.problems[0]!.message).toMatch(/prix lointain « -3 »/);
    expect(parsed.problems[1]!.message).toMatch(/port « ZZZZZ » inconnu/);
  });

  it('says which columns are missing', () => {
    const parsed = parseBatchCsv('reference;prix\nA;1');
    expect(parsed.rows).toEqual([]);
    expect(parsed.problems[0]!.message).toMatch(/Colonnes introuvables.*annualVolume/);
  });

  it('ranks first the references where local is surely and substantially cheaper', () => {
    const parsed = parseBatchCsv(
      'reference,volume,masse,prix lointain,devise,port,prix local\n' +
        'cheap-far,100000,0.05,0.12,USD,CNNGB,0.30\n' +
        'close-call,20000,1.2,9.80,USD,CNSZX,10.60\n' +
        'small-volume,300,0.5,4,USD,CNSHA,7\n',
    );
    const res = screenBatch(parsed.rows, { draws: 300, seed: 2 });
    const byRef = Object.fromEntries(res.rows.map((r) => [r.reference, r]));
    // Screws at 0.12 USD against 0.30 €: far stays cheaper, so it comes last with a score of 0.
    expect(byRef['cheap-far']!.tcoGapPerUnit).toBeLessThan(0);
    expect(byRef['cheap-far']!.rank).toBe(3);
    expect(byRef['cheap-far']!.score).toBe(0);
    expect(res.rows.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(res.rows[0]!.score!).toBeGreaterThanOrEqual(res.rows[1]!.score!);
  });
});
