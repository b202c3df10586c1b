import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/support/app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const example = JSON.parse(
  readFileSync(new URL('../../../../examples/tco-scenario.json', import.meta.url), 'utf8'),
);

describe('POST /api/v1/tco/compute', () => {
  it('computes the example scenario: Shenzhen dearer than Loudéac on TCO though cheaper on price', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/tco/compute',
      payload: { scenario: example, draws: 2000, seed: 7 },
    });
    expect(res.statusCode).toBe(200);
    const { result } = res.json();
    const cmp = result.comparisons[0];
    expect(cmp.referenceOfferId).toBe('loudeac');
    expect(cmp.priceGapPerUnit).toBeLessThan(0); // Shenzhen is cheaper on price…
    expect(cmp.tcoGapPerUnit).toBeGreaterThan(0); // …and dearer on total cost
    expect(cmp.breakEvenReferencePrice.referenceTcoCents).toBe(cmp.breakEvenReferencePrice.otherTcoCents);
    expect(result.offers[0].lines.map((l: { id: string }) => l.id)).toHaveLength(29);
    expect(result.uncertainty.draws).toBe(2000);
    expect(result.uncertainty.pairs[0].pReferenceCheaper).toBeGreaterThan(0.5);
  });

  it('gives the same distribution twice for the same seed, and another for another seed', async () => {
    const run = async (seed: number) =>
      (
        await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/tco/compute',
          payload: { scenario: example, draws: 500, seed },
        })
      ).json().result.uncertainty.perOffer[0].tcoPerUnit;
    const a = await run(3);
    expect(await run(3)).toEqual(a);
    expect(await run(4)).not.toEqual(a);
  });

  it('expands a quick-mode input with its hypotheses and returns the full scenario', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/tco/compute',
      payload: {
        quick: {
          product: 'Boîtier ABS',
          annualVolume: 10000,
          unitWeightKg: 0.3,
          far: { price: 2.1, currency: 'USD', originPortId: 'CNNGB' },
          local: { price: 2.6, city: 'Vitré' },
          freight: 'lcl',
        },
        draws: 1000,
      },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.scenario.offers.map((o: { id: string }) => o.id)).toEqual(['far', 'local']);
    expect(body.scenario.assumptions['offers.far.landed.freightPerKg']).toMatch(/hypothèse/);
    expect(body.result.offers[1].name).toContain('Vitré');
  });

  it('refuses an invalid scenario with a French message that says where', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/tco/compute',
      payload: { scenario: { ...example, offers: [example.offers[0]] } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/au moins deux offres/);
  });

  it('answers 422 when a currency has no rate and none is given', async () => {
    const far = { ...example.offers[0], currency: 'VND', fxToEur: undefined };
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/tco/compute',
      payload: { scenario: { ...example, offers: [far, example.offers[1]] }, draws: 0 },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/devise « VND » sans taux de référence/);
  });
});

describe('POST /api/v1/tco/batch', () => {
  it('ranks CSV references (French decimal comma) and reports a bad line without stopping', async () => {
    const csv = [
      'référence;volume annuel;masse kg;prix lointain;devise;port;prix local',
      'R-001;20000;1,2;9,80;USD;CNSZX;10,60',
      'R-002;500;0,2;4,00;USD;CNSHA;9,00',
      'R-003;abc;1;1;USD;CNSHA;1',
    ].join('\n');
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/tco/batch',
      payload: { csv, draws: 200 },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // R-002 first: at 500 units a year the far offer's fixed costs (an audit trip, 40 h of
    // supplier management, groupage) weigh ≈ 14 €/unit, so local wins by ≈ 7 200 €/year for sure;
    // R-001 is a closer call (P(local cheaper) < 1, gap ≈ 4 900 €/year).
    expect(body.rows.map((r: { reference: string }) => r.reference)).toEqual(['R-002', 'R-001']);
    expect(body.rows.map((r: { rank: number }) => r.rank)).toEqual([1, 2]);
    expect(body.rows[0].pLocalCheaper).toBe(1);
    expect(body.rows[1].pLocalCheaper).toBeLessThan(1);
    expect(body.problems).toHaveLength(1);
    expect(body.problems[0].message).toMatch(/Ligne 4 : volume annuel « abc »/);
  });
});

describe('GET /api/v1/tco/reference-data', () => {
  it('lists every figure with its source and dates, the ports and the FX table', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/tco/reference-data' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const carrying = body.figures.find((f: { id: string }) => f.id === 'carryingRate');
    expect(carrying).toMatchObject({ value: 0.25, asOf: expect.any(String), reviewBy: expect.any(String) });
    expect(body.ports.find((p: { id: string }) => p.id === 'FRLEH').french).toBe(true);
    expect(body.fx.perEur.USD).toBeGreaterThan(0);
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/tco/compute', '/api/v1/tco/batch', '/api/v1/tco/reference-data']),
    );
  });
});
