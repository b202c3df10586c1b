import { describe, expect, it } from 'vitest';
import { calibrationPoints, isInside, parsePath, project } from './projection.ts';
import { departmentShape, departmentShapes } from './departments.ts';

function departmentsAt(lat: number, lon: number): string[] {
  const p = project(lat, lon);
  return departmentShapes.filter((d) => isInside(p, d.rings)).map((d) => d.code);
}

describe('projection of WGS84 points onto the department map', () => {
  it('reproduces every calibration point within 1.5 SVG units (about 3 km)', () => {
    for (const c of calibrationPoints) {
      const p = project(c.lat, c.lon);
      expect(Math.hypot(p.x - c.x, p.y - c.y), c.place).toBeLessThan(1.5);
    }
  });

  // Town halls (WGS84) of the prefectures of Brittany and of a few towns far from the calibration points.
  const towns: [string, number, number, string][] = [
    ['Brest', 48.3904, -4.4861, '29'],
    ['Quimper', 47.996, -4.097, '29'],
    ['Rennes', 48.1173, -1.6778, '35'],
    ['Saint-Malo', 48.6493, -2.0075, '35'],
    ['Vannes', 47.6582, -2.7608, '56'],
    ['Lorient', 47.7483, -3.37, '56'],
    ['Saint-Brieuc', 48.5136, -2.7603, '22'],
    ['Lannion', 48.7326, -3.4597, '22'],
    ['Nantes', 47.2184, -1.5536, '44'],
    ['Paris', 48.8566, 2.3522, '75'],
    ['Strasbourg', 48.5734, 7.7521, '67'],
    ['Bordeaux', 44.8378, -0.5792, '33'],
  ];
  it.each(towns)('puts %s inside its own department only', (_name, lat, lon, dep) => {
    expect(departmentsAt(lat, lon)).toEqual([dep]);
  });

  it('keeps north up and west left: Brest is west of Rennes, Saint-Brieuc north of Vannes', () => {
    expect(project(48.3904, -4.4861).x).toBeLessThan(project(48.1173, -1.6778).x);
    expect(project(48.5136, -2.7603).y).toBeLessThan(project(47.6582, -2.7608).y);
  });
});

describe('parsing the package paths', () => {
  it('reads relative moves, implicit line-tos and closes back to the sub-path start', () => {
    // A 10×10 square, then a second ring moved relative to the first ring's start.
    const rings = parsePath('m 10,10 10,0 0,10 -10,0 z m 30,0 1,0 0,1 z');
    expect(rings).toEqual([
      [
        { x: 10, y: 10 },
        { x: 20, y: 10 },
        { x: 20, y: 20 },
        { x: 10, y: 20 },
      ],
      [
        { x: 40, y: 10 },
        { x: 41, y: 10 },
        { x: 41, y: 11 },
      ],
    ]);
    expect(isInside({ x: 15, y: 15 }, rings)).toBe(true);
    expect(isInside({ x: 25, y: 15 }, rings)).toBe(false);
  });

  it('refuses a command it does not understand instead of drawing garbage', () => {
    expect(() => parsePath('m 0,0 c 1,1 2,2 3,3 z')).toThrow(/commande « c »/);
  });

  it('finds the islands of Finistère as separate rings', () => {
    expect(departmentShape('29')?.rings.length).toBeGreaterThanOrEqual(3);
  });
});

describe('area drawn by the map', () => {
  it('shows Brittany alone for Breton points and widens to reach an establishment in Strasbourg', async () => {
    const { viewBoxFor } = await import('./brittany-map.tsx');
    const brest = project(48.3904, -4.4861);
    const strasbourg = project(48.5734, 7.7521);
    const breton = viewBoxFor([brest]);
    expect(breton.maxX).toBeLessThan(200);
    const wide = viewBoxFor([brest, strasbourg]);
    expect(wide.maxX).toBeGreaterThan(strasbourg.x);
    expect(wide.minX).toBeLessThanOrEqual(breton.minX);
  });
});
