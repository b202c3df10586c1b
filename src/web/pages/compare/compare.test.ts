// The page's pure parts on a real computation: the quick form with ranges becomes a valid
// scenario, charts agree with the result, the PDF dossier and the batch CSV are well formed.
import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../../api/tco.ts';
import { computeTco, expandQuickInput, type TcoResult } from '../../../core/tco/index.ts';
import { waterfallBars } from '../../components/charts/waterfall.ts';
import { batchCsv } from './batch.tsx';
import { allCharts, waterfallSteps } from './charts-data.ts';
import { eurUnit } from './format.ts';
import { isPercentPath, labelOfPath, valueAtPath } from './expert-fields.ts';
import { buildDossier, dossierFileName } from './pdf-dossier.ts';
import { exampleQuickForm, overlayRanges, toQuickInput, type QuickForm } from './quick-form-state.ts';

const form: QuickForm = { ...exampleQuickForm, farPrice: { low: 4.2, likely: 4.6, high: 5.5 } };

function compute(f: QuickForm, draws = 2000): TcoResult {
  const scenario = overlayRanges(expandQuickInput(toQuickInput(f)), f);
  const r = computeTco(scenario, { draws, seed: 7 });
  if (!r.ok) throw new Error(r.error.map((p) => p.message).join('; '));
  return r.value;
}

describe('quick form with ranges', () => {
  it('puts the far price range on the far offer and stays a valid API scenario', () => {
    const scenario = overlayRanges(expandQuickInput(toQuickInput(form)), form);
    expect(scenario.offers.find((o) => o.role === 'far')?.price).toEqual({
      low: 4.2,
      likely: 4.6,
      high: 5.5,
    });
    expect(scenario.offers.find((o) => o.role === 'local')?.price).toBe(5.4);
    expect(scenarioSchema.safeParse(scenario).success).toBe(true);
  });

  it('a wider far price range moves the probability that local is cheaper', () => {
    const narrow = compute({ ...form, farPrice: 4.6 });
    const cheapFar = compute({ ...form, farPrice: { low: 2, likely: 3, high: 3.5 } });
    const p = (r: TcoResult) => r.uncertainty?.pairs[0]?.pReferenceCheaper ?? NaN;
    expect(p(cheapFar)).toBeLessThan(p(narrow));
  });
});

describe('quick mode defaults shown with their source', () => {
  it('every default of the quick expansion has a readable label and a value', () => {
    const scenario = overlayRanges(expandQuickInput(toQuickInput(form)), form);
    const entries = Object.entries(scenario.assumptions ?? {});
    expect(entries.length).toBeGreaterThan(5);
    for (const [path, source] of entries) {
      expect(labelOfPath(scenario, path), path).not.toContain('.');
      expect(valueAtPath(scenario, path), path).toBeDefined();
      expect(source.length).toBeGreaterThan(3);
    }
    expect(labelOfPath(scenario, 'offers.far.landed.freightPerShipment')).toMatch(
      /^Fret principal par envoi \(/,
    );
    expect(isPercentPath('common.carryingRate')).toBe(true);
  });
});

describe('charts agree with the result', () => {
  const result = compute(form);

  it('the waterfall of each offer goes from its price to its TCO', () => {
    for (const offer of result.offers) {
      const bars = waterfallBars(waterfallSteps(offer));
      expect(bars[0]?.end).toBeCloseTo(offer.priceEurPerUnit, 6);
      const beforeTotal = bars[bars.length - 2];
      expect(beforeTotal?.end).toBeCloseTo(offer.tcoPerUnit, 4);
      expect(bars[bars.length - 1]?.end).toBe(offer.tcoPerUnit);
    }
  });

  it('gives five charts, each with a title, a description and a data table', () => {
    const charts = allCharts(result);
    expect(charts.map((c) => c.title)).toEqual([
      `Du prix au coût complet — ${result.offers[0]!.name}`,
      `Du prix au coût complet — ${result.offers[1]!.name}`,
      'Coûts cumulés, des plus tangibles aux plus diffus',
      expect.stringMatching(/^Ce qui fait bouger l’écart de coût complet/),
      'Distribution du coût complet par unité',
    ]);
    for (const c of charts) {
      expect(c.desc.length).toBeGreaterThan(20);
      expect(c.table.rows.length).toBeGreaterThan(0);
    }
  });

  it('the cumulative chart ends on each offer’s TCO', () => {
    const cumulative = allCharts(result)[2]!;
    const last = cumulative.table.rows[cumulative.table.rows.length - 1]!;
    expect(last.slice(1)).toEqual(result.offers.map((o) => eurUnit(o.tcoPerUnit)));
  });
});

describe('PDF dossier', () => {
  it('names the file after the product and the date, in ASCII', () => {
    expect(dossierFileName('Boîtier aluminium « série 3 » / œillets', new Date('2026-11-26T10:00:00Z'))).toBe(
      'cout-complet-boitier-aluminium-serie-3-oeillets-2026-11-26.pdf',
    );
  });

  it('is a PDF naming the product, with accents and the euro sign in WinAnsi', async () => {
    const result = compute(form);
    const blob = await buildDossier({
      product: 'Boîtier aluminium usiné',
      scenario: overlayRanges(expandQuickInput(toQuickInput(form)), form),
      result,
      verdict: 'L’offre de Shenzhen est 27 % moins chère à l’achat, mais 11 % plus chère en coût complet.',
      charts: allCharts(result),
      date: new Date('2026-11-26T10:00:00Z'),
    });
    const bytes = Buffer.from(await blob.arrayBuffer());
    const text = bytes.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toContain('Boîtier aluminium usiné');
    expect(text).toContain('Coût complet');
    // "€" is byte 0x80 in WinAnsi: "6,50 €" is written as "6,50\xa0\x80".
    expect(bytes.includes(Buffer.from([0x80]))).toBe(true);
    expect(text).toContain('26 novembre 2026');
  });
});

describe('batch CSV export', () => {
  it('protects text cells that a spreadsheet would run as a formula', () => {
    const csv = batchCsv({
      rankedBy: 'score',
      problems: [],
      rows: [
        {
          reference: '=HYPERLINK("http://x")',
          line: 2,
          ok: true,
          rank: 1,
          farTcoPerUnit: 6.5,
          localTcoPerUnit: 5.86,
          tcoGapPerYearCents: 639000,
          pLocalCheaper: 0.97,
        },
        { reference: 'Palier P-40', line: 3, ok: false, error: '-port inconnu' },
      ],
    });
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[1]).toBe(`1;"'=HYPERLINK(""http://x"")";2;6,5000;5,8600;6390,00;0,970;;`);
    expect(lines[2]).toBe(`;Palier P-40;3;;;;;;'-port inconnu`);
  });
});
