import { describe, expect, it } from 'vitest';
import { findCity, findPort, greatCircleKm, PORTS, seaDistanceKm } from './places.ts';

describe('sea distances (waypoint graph, kilometres)', () => {
  it('finds Shanghai → Rotterdam via Suez close to the usual 10 500 nm (19 450 km)', () => {
    const d = seaDistanceKm('CNSHA', 'NLRTM', 'suez')!;
    expect(d.route).toBe('suez');
    expect(Math.abs(d.km / 19446 - 1)).toBeLessThan(0.05);
  });

  it('goes around the Cape when Suez is closed: 5 000–9 000 km longer from Asia', () => {
    for (const origin of ['CNSZX', 'CNSHA', 'SGSIN', 'VNSGN', 'INNSA']) {
      const suez = seaDistanceKm(origin, 'FRLEH', 'suez')!;
      const cape = seaDistanceKm(origin, 'FRLEH', 'cape')!;
      expect(cape.route, origin).toBe('cape');
      expect(cape.km - suez.km, origin).toBeGreaterThan(5000);
      expect(cape.km - suez.km, origin).toBeLessThan(9000);
    }
  });

  it('needs neither canal nor cape across the Atlantic', () => {
    const ny = seaDistanceKm('USNYC', 'FRLEH', 'cape')!;
    expect(ny.route).toBe('direct');
    expect(ny.km).toBeGreaterThan(5500);
    expect(ny.km).toBeLessThan(6100);
  });

  it('reaches every port of the list from Le Havre', () => {
    for (const p of PORTS) expect(seaDistanceKm(p.id, 'FRLEH', 'suez'), p.id).not.toBeNull();
  });

  it('is longer than the great circle, never shorter', () => {
    for (const p of PORTS.filter((x) => !x.french)) {
      const d = seaDistanceKm(p.id, 'FRFOS', 'suez')!;
      expect(d.km, p.id).toBeGreaterThanOrEqual(greatCircleKm(p, findPort('FRFOS')!) - 1);
    }
  });
});

describe('places', () => {
  it('computes great circles: Rennes → Brest ≈ 210 km', () => {
    const rennes = findCity('Rennes')!;
    const brest = findCity('brest', 'FR')!;
    expect(greatCircleKm(rennes, brest)).toBeGreaterThan(205);
    expect(greatCircleKm(rennes, brest)).toBeLessThan(215);
  });

  it('finds cities without accents and ports by UN/LOCODE', () => {
    expect(findCity('loudeac')?.name).toBe('Loudéac');
    expect(findPort('cnszx')?.name).toMatch(/Shenzhen/);
    expect(findPort('XXXXX')).toBeUndefined();
  });
});
