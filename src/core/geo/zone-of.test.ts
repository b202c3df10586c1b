import { describe, expect, it } from 'vitest';
import {
  buildGeoIndex,
  departmentOfCommuneCode,
  distanceKm,
  normalisePostalCode,
  postalLookup,
  zoneOf,
  type RawCommune,
} from './index.ts';

// A tiny slice of the COG, in the package's own shape.
const communes: RawCommune[] = [
  {
    code: '29019',
    nom: 'Brest',
    type: 'commune-actuelle',
    departement: '29',
    region: '53',
    codesPostaux: ['29200'],
    population: 142346,
    anciensCodes: ['29096'],
  },
  {
    code: '29232',
    nom: 'Quimper',
    type: 'commune-actuelle',
    departement: '29',
    region: '53',
    codesPostaux: ['29000'],
    population: 64385,
  },
  {
    code: '44109',
    nom: 'Nantes',
    type: 'commune-actuelle',
    departement: '44',
    region: '52',
    codesPostaux: ['44000', '44100', '44200', '44300'],
    population: 325070,
  },
  {
    code: '13033',
    nom: 'Cuges-les-Pins',
    type: 'commune-actuelle',
    departement: '13',
    region: '93',
    codesPostaux: ['13780'],
    population: 5500,
  },
  {
    code: '83104',
    nom: 'Riboux',
    type: 'commune-actuelle',
    departement: '83',
    region: '93',
    codesPostaux: ['13780'],
    population: 50,
  },
  {
    code: '97411',
    nom: 'Saint-Denis',
    type: 'commune-actuelle',
    departement: '974',
    region: '04',
    codesPostaux: ['97400'],
    population: 153000,
  },
];
const geo = buildGeoIndex({
  communes,
  departments: [
    { code: '29', nom: 'Finistère', region: '53' },
    { code: '44', nom: 'Loire-Atlantique', region: '52' },
    { code: '13', nom: 'Bouches-du-Rhône', region: '93' },
    { code: '83', nom: 'Var', region: '93' },
    { code: '974', nom: 'La Réunion', region: '04' },
  ],
  regions: [
    { code: '53', nom: 'Bretagne' },
    { code: '52', nom: 'Pays de la Loire' },
    { code: '93', nom: "Provence-Alpes-Côte d'Azur" },
    { code: '04', nom: 'La Réunion' },
  ],
  cities: [{ name: 'Brest', lat: '48.39029', lng: '-4.48628', country: 'FR', admin1: '53', admin2: '29' }],
});

const zone = (q: Parameters<typeof zoneOf>[1]) => {
  const r = zoneOf(geo, q);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('zoneOf', () => {
  it('places 29200 (Brest) in Bretagne', () => {
    expect(zone({ postalCode: '29200', country: 'FR' })).toMatchObject({
      zone: 'bretagne',
      info: null,
      departments: ['29'],
      basis: 'postal-code',
    });
  });

  it('counts 44000 (Nantes) in France and flags Loire-Atlantique apart', () => {
    expect(zone({ postalCode: '44000' })).toMatchObject({ zone: 'france', info: 'loire-atlantique' });
    expect(zone({ communeCode: '44109' })).toMatchObject({ zone: 'france', info: 'loire-atlantique' });
  });

  it('gives both departments of a postal code that spans two (13780: Bouches-du-Rhône and Var)', () => {
    expect(zone({ postalCode: '13780' })).toMatchObject({
      zone: 'france',
      departments: ['13', '83'],
      ambiguous: false,
    });
  });

  it('flags a postal code shared across zones and takes the zone of its most populous commune', () => {
    const border = buildGeoIndex({
      communes: [
        {
          code: '35001',
          nom: 'Bourg-Breton',
          type: 'commune-actuelle',
          departement: '35',
          region: '53',
          codesPostaux: ['99999'],
          population: 900,
        },
        {
          code: '44001',
          nom: 'Bourg-Nantais',
          type: 'commune-actuelle',
          departement: '44',
          region: '52',
          codesPostaux: ['99999'],
          population: 300,
        },
      ],
      departments: [],
      regions: [],
    });
    expect(zoneOf(border, { postalCode: '99999' })).toMatchObject({
      ok: true,
      value: { zone: 'bretagne', departments: ['35', '44'], ambiguous: true, info: 'loire-atlantique' },
    });
  });

  it('counts La Réunion (97400) in France', () => {
    expect(zone({ postalCode: '97400', country: 'France' })).toMatchObject({
      zone: 'france',
      departments: ['974'],
    });
    expect(zone({ postalCode: '', country: 'RE' })).toMatchObject({ zone: 'france', basis: 'country' });
  });

  it('places a CEDEX code by its department prefix, flagged approximate', () => {
    expect(zone({ postalCode: '29228 CEDEX 2' })).toMatchObject({
      zone: 'bretagne',
      departments: ['29'],
      basis: 'postal-prefix',
      approximate: true,
    });
  });

  it('places foreign suppliers by country: EU → europe, elsewhere → world', () => {
    expect(zone({ postalCode: '80331', country: 'DE' }).zone).toBe('europe');
    expect(zone({ postalCode: '', country: 'Allemagne' }).zone).toBe('europe');
    expect(zone({ postalCode: '', country: '99109' }).zone).toBe('europe');
    expect(zone({ postalCode: '', country: 'EL' })).toMatchObject({
      zone: 'europe',
      country: { alpha2: 'GR' },
    });
    expect(zone({ postalCode: '8001', country: 'CH' })).toMatchObject({
      zone: 'world',
      country: { name: 'Suisse' },
    });
    expect(zone({ postalCode: '518000', country: 'CN' }).zone).toBe('world');
  });

  it('refuses what it cannot place, with a French message', () => {
    const missing = zoneOf(geo, { postalCode: ' ', country: 'FR' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'missing-postal-code' } });
    const unknown = zoneOf(geo, { postalCode: 'BREST', country: 'FR' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-postal-code' } });
    const country = zoneOf(geo, { postalCode: '12345', country: 'Atlantide' });
    expect(country.ok ? '' : country.error.message).toContain('Pays « Atlantide » inconnu');
  });

  it('works from the compact postal table as from the full index', () => {
    const table = postalLookup(geo.postalTable());
    expect(geo.postalTable().postalCodes['13780']).toEqual(['13', '83']);
    expect(zoneOf(table, { postalCode: '44000' })).toEqual(zoneOf(geo, { postalCode: '44000' }));
    expect(zoneOf(table, { communeCode: '29019' })).toMatchObject({ ok: true, value: { zone: 'bretagne' } });
  });
});

describe('communes and postal codes', () => {
  it('finds a merged commune by its former code', () => {
    expect(geo.commune('29096')?.name).toBe('Brest');
  });

  it('derives the department of a commune code, overseas and Corsica included', () => {
    expect(departmentOfCommuneCode('29019')).toBe('29');
    expect(departmentOfCommuneCode('97411')).toBe('974');
    expect(departmentOfCommuneCode('2A004')).toBe('2A');
    expect(departmentOfCommuneCode('98818')).toBe('988');
    expect(departmentOfCommuneCode('20004')).toBeUndefined();
    expect(departmentOfCommuneCode('ABCDE')).toBeUndefined();
  });

  it.each([
    ['29200', '29200'],
    ['29 200', '29200'],
    ['29228 CEDEX 2', '29228'],
    ['F-29200', '29200'],
    ['2920', undefined],
  ])('normalises the postal code « %s »', (raw, expected) => {
    expect(normalisePostalCode(raw)).toBe(expected);
  });

  it('says where each coordinate comes from', () => {
    expect(geo.coordinates('29019')).toMatchObject({ source: 'geonames', approximate: false });
    expect(geo.coordinates('29232')).toMatchObject({ source: 'department-centroid', approximate: true });
  });
});

describe('distanceKm', () => {
  it('measures Brest → Rennes as the crow flies (about 210 km)', () => {
    const d = distanceKm({ lat: 48.3903, lon: -4.4863 }, { lat: 48.1113, lon: -1.68 });
    expect(d).toBeGreaterThan(205);
    expect(d).toBeLessThan(215);
  });

  it('is zero for the same point and symmetric', () => {
    const a = { lat: 47.66, lon: -2.76 };
    const b = { lat: 48.51, lon: -2.76 };
    expect(distanceKm(a, a)).toBe(0);
    expect(distanceKm(a, b)).toBeCloseTo(distanceKm(b, a), 9);
    expect(distanceKm(a, b)).toBeCloseTo(94.5, 0); // 0.85° of latitude ≈ 94.5 km
  });
});
