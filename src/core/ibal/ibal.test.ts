import { describe, expect, it } from 'vitest';
import { cents } from '../shared/index.ts';
import {
  badgeEligibility,
  badgeSvg,
  computeIbal,
  formatCoverage,
  ibalBadge,
  type IbalItem,
  type IbalZone,
  type SupplierLocation,
} from './index.ts';

const at = (zone: IbalZone, department: string | null = null): SupplierLocation => ({
  status: 'located',
  zone,
  department,
  communeCode: null,
  communeName: null,
  country: zone === 'bretagne' || zone === 'france' ? 'FR' : zone === 'europe' ? 'DE' : 'CN',
  method: 'postal-code',
  confidence: 0.9,
  evidence: 'test',
});

function item(key: string, euros: number, location: SupplierLocation | null, category = '601'): IbalItem {
  return {
    key,
    name: key,
    kind: key.startsWith('label:') ? 'unattributed' : 'supplier',
    amountCents: cents(euros * 100),
    byCategory: { [category]: cents(euros * 100) },
    location,
  };
}

const period = { from: '2025-01-01', to: '2025-12-31' };

describe('IBAL (DESIGN.md §5)', () => {
  it("reproduces the programme's published example: 46 % Bretagne, 98 % France, 100 % Europe", () => {
    const r = computeIbal(
      [
        item('aux:KERNEVEL', 30_000, at('bretagne', '29')),
        item('aux:ARMOR', 16_000, at('bretagne', '56')),
        item('aux:LYON', 40_000, at('france', '69')),
        item('aux:NANTES', 12_000, at('france', '44'), '611'),
        item('aux:MUNICH', 2_000, at('europe')),
      ],
      { period },
    );
    expect(r.index).toEqual({ bretagne: 46, france: 98, europe: 100 });
    expect(r.coverage).toBe(100);
    expect(r.zones).toEqual({
      bretagne: 4_600_000,
      france: 5_200_000,
      europe: 200_000,
      world: 0,
      unlocated: 0,
    });
    // Loire-Atlantique counts in France and is shown apart.
    expect(r.loireAtlantiqueCents).toBe(1_200_000);
    expect(r.byDepartment.map((d) => [d.department, d.zone, d.amountCents / 100])).toEqual([
      ['69', 'france', 40_000],
      ['29', 'bretagne', 30_000],
      ['56', 'bretagne', 16_000],
      ['44', 'france', 12_000],
    ]);
    expect(r.byCategory.find((c) => c.code === '611')?.zones.france).toBe(1_200_000);
    expect(r.method).toEqual({ id: 'ibal', version: '1.0.0' });
    expect(r.year).toBe(2025);
    expect(r.badge).toEqual({ eligible: true, reason: null });
  });

  it('computes the percentages on located spend and shows the coverage beside them', () => {
    // 60 k€ Bretagne, 20 k€ world, 20 k€ unknown: 75 % of located spend is Breton, 80 % covered.
    const r = computeIbal([
      item('aux:A', 60_000, at('bretagne', '35')),
      item('aux:B', 20_000, at('world')),
      item('aux:C', 20_000, null),
    ]);
    expect(r.index).toEqual({ bretagne: 75, france: 75, europe: 75 });
    expect(r.coverage).toBe(80);
    expect(r.zones.unlocated).toBe(2_000_000);
    expect(r.badge.eligible).toBe(true);
  });

  it('refuses the badge while less than 80 % of the spend is located, and says why', () => {
    const r = computeIbal([
      item('aux:A', 70_000, at('bretagne', '22')),
      item('aux:B', 25_000, null),
      item('label:PRLV SEPA ORANGE #', 5_000, null, '626'),
    ]);
    expect(r.coverage).toBe(70);
    expect(r.unattributedCents).toBe(500_000);
    expect(r.badge.eligible).toBe(false);
    expect(r.badge.reason).toMatch(/Seuls 70 % des achats sont localisés : il en faut au moins 80 %/);
    const svg = badgeSvg(r);
    expect(svg.ok).toBe(false);
    expect(ibalBadge(r)).toBeNull();
  });

  it('a proposed location does not count until confirmed; ignored spend leaves the measure', () => {
    const proposed: SupplierLocation = {
      ...at('europe'),
      status: 'proposed',
      method: 'legal-form',
      confidence: 0.65,
    };
    const ignored: SupplierLocation = { ...at('france'), status: 'ignored', zone: null, method: 'user' };
    const r = computeIbal([
      item('aux:A', 900, at('bretagne', '29')),
      item('aux:MULLER GMBH', 100, proposed),
      item('aux:FILIALE', 5_000, ignored),
    ]);
    expect(r.totalCents).toBe(100_000);
    expect(r.ignoredCents).toBe(500_000);
    expect(r.coverage).toBe(90);
    expect(r.index.bretagne).toBe(100);
    expect(r.bySupplier.find((s) => s.key === 'aux:MULLER GMBH')).toMatchObject({
      status: 'proposed',
      zone: null,
    });
  });

  it('says nothing rather than dividing by zero when nothing is located', () => {
    const r = computeIbal([item('aux:A', 100, null)]);
    expect(r.index).toEqual({ bretagne: null, france: null, europe: null });
    expect(r.coverage).toBe(0);
    expect(r.badge.reason).toMatch(/Aucun achat localisé/);
  });
});

describe('badge', () => {
  it('is an accessible SVG with the three percentages and the year', () => {
    const r = computeIbal(
      [
        item('aux:A', 46, at('bretagne', '29')),
        item('aux:B', 52, at('france', '75')),
        item('aux:C', 2, at('europe')),
      ],
      { period },
    );
    const badge = ibalBadge(r, { organisation: 'Conserverie <Test> & Fils' });
    expect(badge).not.toBeNull();
    const svg = badge?.svg ?? '';
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="ibal-title ibal-desc"/);
    expect(svg).toContain('<title id="ibal-title">Indice breton de l&apos;achat local 2025</title>');
    expect(svg).toContain('46 %');
    expect(svg).toContain('98 %');
    expect(svg).toContain('100 %');
    expect(svg).toContain('Conserverie &lt;Test&gt; &amp; Fils');
    expect(badge?.text).toBe(
      "Indice breton de l'achat local 2025 : 46 % des achats en Bretagne, 98 % en France (Bretagne comprise), 100 % dans l'Union européenne (France comprise), calculés sur 100 % des achats localisés. Méthode ibal 1.0.0.",
    );
  });
});

describe('the coverage, written once for the page, the badge and its refusal', () => {
  it.each([
    [54.6, '55 %'],
    [80, '80 %'],
    [79.96, '79,9 %'],
    [79.5, '79,5 %'],
    [79.4, '79 %'],
    [null, '—'],
  ])('%s → %s', (coverage, text) => {
    expect(formatCoverage(coverage).replace(/\s/g, ' ')).toBe(text);
  });

  it('the refusal says the coverage the page shows, not a rounded-down figure', () => {
    const reason = badgeEligibility(54.6, 100).reason ?? '';
    expect(reason.replace(/\s/g, ' ')).toMatch(
      /^Seuls 55 % des achats sont localisés : il en faut au moins 80 %/,
    );
    expect((badgeEligibility(79.96, 100).reason ?? '').replace(/\s/g, ' ')).toMatch(/^Seuls 79,9 %/);
  });
});
