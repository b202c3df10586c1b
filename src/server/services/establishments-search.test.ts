import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { searchQuerySchema } from '../../api/establishments.ts';
import type { Db } from '../../db/connection.ts';
import { distanceSql, LON_SCALE } from './establishments-repository.ts';
import { geoCells, searchEstablishments } from './establishments-search.ts';

// The database numbers cells as floor(lat × perLat) × 10000 + floor(lon × perLon) + 5000.
const cellOf = (lat: number, lon: number, perLat: number, perLon: number) =>
  Math.floor(lat * perLat) * 10000 + Math.floor(lon * perLon) + 5000;

function km(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 12742.0176 * Math.asin(Math.sqrt(a));
}

describe('geoCells: the grid cells a radius search asks the indexes for', () => {
  it('holds the cell of every point within the radius (Brest, Rennes, Quimper; 5 to 40 km)', () => {
    let seed = 42;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const [lat, lon] of [
      [48.39, -4.486],
      [48.111, -1.674],
      [47.996, -4.102],
    ] as const) {
      for (const radius of [5, 20, 30, 40]) {
        for (const [grid, perLat, perLon] of [
          ['naf', 20, 12],
          ['text', 10, 6],
        ] as const) {
          const cells = new Set(geoCells(lat, lon, radius, grid));
          for (let n = 0; n < 2000; n++) {
            const pLat = lat + (random() - 0.5) * (radius / 55);
            const pLon = lon + (random() - 0.5) * (radius / 37);
            if (km(lat, lon, pLat, pLon) > radius) continue;
            expect(cells.has(cellOf(pLat, pLon, perLat, perLon)), `${pLat},${pLon} at ${radius} km`).toBe(
              true,
            );
          }
        }
      }
    }
  });

  it('leaves out the cells beyond the radius, and gives up when the circle spans too many', () => {
    const cells = geoCells(48.39, -4.486, 10, 'naf')!;
    // A 10 km circle meets about a dozen 5.6 × 6.2 km cells, not the 5 × 5 of its square.
    expect(cells.length).toBeLessThan(25);
    expect(cells).not.toContain(cellOf(48.39 + 0.2, -4.486 + 0.3, 20, 12));
    expect(geoCells(48.39, -4.486, 200, 'text')).toBeNull();
  });
});

describe('establishment_cell_tsquery: the stemmed query within one cell', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db.close());

  it('prefixes every lexeme with the cell, prefix matches, weights and quotes included', async () => {
    const r = await db.query<{ a: string; b: string; c: string }>(
      `select establishment_cell_tsquery($1::tsquery, 4835)::text as a,
              establishment_cell_tsquery($2::tsquery, 1)::text as b,
              establishment_cell_tsquery($3::tsquery, 7)::text as c`,
      [`'conseil' & 'gestion'`, `'usinag':* & ( 'kergal' | 'kergall' )`, `'l''eau':* & 'b':A`],
    );
    expect(r.rows[0]).toEqual({
      a: `'4835#conseil' & '4835#gestion'`,
      b: `'1#usinag':* & ( '1#kergal' | '1#kergall' )`,
      c: `'7#l''eau':* & '7#b':A`,
    });
  });
});

describe('full text within a radius, read cell by cell, finds what a scan of the whole table finds', () => {
  let db: Db;
  const centre = { lat: 48.39, lon: -4.486 };
  beforeAll(async () => {
    db = await createTestDb();
    // 3,000 establishments within ~35 km of Brest, a few trades, a fifth closed, three quarters « SARL ».
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const trades = ['USINAGE', 'CHAUDRONNERIE', 'CONSEIL EN GESTION', 'PLOMBERIE', 'CREPERIE'];
    const rows: (string | null)[][] = [];
    for (let i = 0; i < 3000; i++) {
      const trade = trades[Math.floor(random() * trades.length)]!;
      const siren = String(300_000_000 + i);
      rows.push([
        `${siren}00011`,
        siren,
        `${trade} ${['KER', 'PEN', 'LAN'][i % 3]}${i}${i % 4 ? ' SARL' : ''}`,
        String(centre.lat + (random() - 0.5) * 0.6),
        String(centre.lon + (random() - 0.5) * 0.9),
        random() < 0.8 ? 't' : 'f',
        '29',
      ]);
    }
    await db.copyRows(
      'establishments',
      ['siret', 'siren', 'name', 'lat', 'lon', 'active', 'department'],
      rows,
    );
    await db.exec('analyze establishments');
  });
  afterAll(() => db.close());

  // The same set by brute force: every row whose words match, within the radius, nearest first
  // (as the search orders its candidates: the point with longitude scaled, LON_SCALE).
  async function scanned(tsquery: string, radiusKm: number, includeClosed: boolean): Promise<string[]> {
    const r = await db.query<{ siret: string }>(
      `select siret from establishments e
        where e.search @@ to_tsquery('fr', $1) and ($5 or e.active)
          and ${distanceSql('e', '$2::float8', '$3::float8')} <= $4
        order by point(e.lon * ${LON_SCALE}, e.lat) <-> point($3 * ${LON_SCALE}, $2)`,
      [tsquery, centre.lat, centre.lon, radiusKm, includeClosed],
    );
    return r.rows.map((x) => x.siret);
  }

  it.each([
    ['usinage', 'usinage:*', 10, false, false],
    ['usinage', 'usinage:*', 30, false, false],
    ['conseil gestion', 'conseil & gestion:*', 25, false, false],
    ['conseil gestion', 'conseil & gestion:*', 25, true, false],
    ['creperie ker', 'creperie & ker:*', 40, false, false],
    ['sarl', 'sarl:*', 40, false, true],
    ['sarl', 'sarl:*', 40, true, true],
  ] as const)(
    '« %s » (%s) within %i km, closed ones too: %s, capped: %s',
    async (q, tsquery, radiusKm, includeClosed, capped) => {
      const query = searchQuerySchema.parse({
        q,
        near: `${centre.lat},${centre.lon}`,
        radiusKm: String(radiusKm),
        sort: 'distance',
        ...(includeClosed ? { includeClosed: 'true' } : {}),
      });
      const res = await searchEstablishments(db, query, { limit: 1000, facets: false });
      const expected = await scanned(tsquery, radiusKm, includeClosed);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length > 1000).toBe(capped);
      if (!capped) {
        expect(res.pagination).toMatchObject({ total: expected.length, exact: true });
        expect(new Set(res.items.map((i) => i.siret))).toEqual(new Set(expected));
      } else {
        // Capped: the nearest 1,000 (ties at the same distance aside, none in this data).
        expect(res.pagination).toMatchObject({ total: 1000, exact: false });
        expect(new Set(res.items.map((i) => i.siret))).toEqual(new Set(expected.slice(0, 1000)));
      }
      // The distance shown is the one that filtered: within the radius, nearest first.
      const distances = res.items.map((i) => i.distanceKm!);
      expect(Math.max(...distances)).toBeLessThanOrEqual(radiusKm);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
    },
  );

  it('pages follow one order: each page goes on where the previous one stopped (relevance, distance, name)', async () => {
    const base = { q: 'conseil gestion sarl', near: `${centre.lat},${centre.lon}`, radiusKm: '30' };
    const all = await searchEstablishments(db, searchQuerySchema.parse(base), { limit: 1000, facets: false });
    expect(all.pagination.total).toBeGreaterThan(30);
    const paged: string[] = [];
    for (const page of [1, 2, 3]) {
      const res = await searchEstablishments(
        db,
        searchQuerySchema.parse({ ...base, pageSize: '10', page: String(page) }),
      );
      expect(res.pagination).toMatchObject({ page, pageSize: 10, total: all.pagination.total });
      paged.push(...res.items.map((i) => i.siret));
    }
    expect(paged).toEqual(all.items.slice(0, 30).map((i) => i.siret));
  });

  it('without a query or a place, lists by name from the first name of the whole directory on', async () => {
    for (const includeClosed of [false, true]) {
      const expected = (
        await db.query<{ siret: string }>(
          `select siret from establishments where ($1 or active) and department = '29' order by name, siret`,
          [includeClosed],
        )
      ).rows.map((r) => r.siret);
      const paged: string[] = [];
      for (const page of [1, 2]) {
        const res = await searchEstablishments(
          db,
          searchQuerySchema.parse({
            department: '29',
            pageSize: '10',
            page: String(page),
            ...(includeClosed ? { includeClosed: 'true' } : {}),
          }),
        );
        expect(res.query.sort).toBe('name');
        expect(res.pagination).toMatchObject({ total: expected.length, exact: true });
        paged.push(...res.items.map((i) => i.siret));
      }
      expect(paged).toEqual(expected.slice(0, 20));
    }
  });
});
