import { describe, expect, it } from 'vitest';
import { geoCells, geoTsquery } from './establishments-search.ts';

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

describe('geoTsquery: the stemmed query within each cell', () => {
  it('prefixes every lexeme with the cell, prefix matches included, and ORs the cells', () => {
    expect(geoTsquery(`'conseil' & 'gestion'`, [4835, 4836])).toBe(
      `('4835#conseil' & '4835#gestion') | ('4836#conseil' & '4836#gestion')`,
    );
    expect(geoTsquery(`'usinag':* & ( 'kergal' | 'kergall' )`, [1])).toBe(
      `('1#usinag':* & ( '1#kergal' | '1#kergall' ))`,
    );
  });
});
