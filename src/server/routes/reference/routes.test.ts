import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/support/app.ts';
import type { CommuneDto, NafTreeResponse, ZoneResponse } from '../../../api/reference.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const get = (url: string) => ctx.app.inject({ method: 'GET', url });

describe('GET /api/v1/reference/zone', () => {
  it('places 29200 (Brest) in Bretagne', async () => {
    const res = await get('/api/v1/reference/zone?postalCode=29200&country=FR');
    expect(res.statusCode).toBe(200);
    expect(res.json<ZoneResponse>()).toMatchObject({ zone: 'bretagne', departments: ['29'], info: null });
  });

  it('counts 44000 (Nantes) in France with the Loire-Atlantique information', async () => {
    const res = await get('/api/v1/reference/zone?postalCode=44000');
    expect(res.json<ZoneResponse>()).toMatchObject({ zone: 'france', info: 'loire-atlantique' });
  });

  it('answers by commune code too', async () => {
    const res = await get('/api/v1/reference/zone?commune=35238');
    expect(res.json<ZoneResponse>()).toMatchObject({
      zone: 'bretagne',
      basis: 'commune',
      departments: ['35'],
    });
  });

  it('places Germany in Europe and Switzerland outside', async () => {
    const de = await get('/api/v1/reference/zone?country=Allemagne');
    expect(de.json<ZoneResponse>()).toMatchObject({
      zone: 'europe',
      country: { alpha2: 'DE', name: 'Allemagne' },
    });
    const ch = await get('/api/v1/reference/zone?country=CH&postalCode=8001');
    expect(ch.json<ZoneResponse>().zone).toBe('world');
  });

  it('answers 404 with a French message for an unknown country', async () => {
    const res = await get('/api/v1/reference/zone?country=Atlantide&postalCode=1000');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'unknown-country' });
    expect(res.json().error.message).toContain('Atlantide');
  });

  it('answers 400 when nothing is given', async () => {
    const res = await get('/api/v1/reference/zone');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_request');
  });
});

describe('GET /api/v1/reference/communes', () => {
  it('finds Saint-Malo written « st malo », accents and case ignored', async () => {
    const res = await get('/api/v1/reference/communes?q=st%20malo&limit=3');
    expect(res.statusCode).toBe(200);
    const [first] = res.json<{ items: CommuneDto[] }>().items;
    expect(first).toMatchObject({
      code: '35288',
      name: 'Saint-Malo',
      department: { code: '35', name: 'Ille-et-Vilaine' },
      region: { code: '53', name: 'Bretagne' },
      zone: 'bretagne',
    });
  });

  it('finds communes by postal code, within a department', async () => {
    const res = await get('/api/v1/reference/communes?q=29200');
    expect(res.json<{ items: CommuneDto[] }>().items.map((c) => c.name)).toEqual(['Brest']);
    const quimper = await get('/api/v1/reference/communes?q=quimper&department=29');
    expect(quimper.json<{ items: CommuneDto[] }>().items.map((c) => c.name)).toEqual([
      'Quimper',
      'Quimperlé',
    ]);
  });

  it('says where the coordinates of Brest come from', async () => {
    const res = await get('/api/v1/reference/communes?q=brest&limit=1');
    const brest = res.json<{ items: CommuneDto[] }>().items[0]!;
    expect(brest.coordinates).toMatchObject({ source: 'geonames', approximate: false });
    expect(brest.coordinates!.lat).toBeCloseTo(48.39, 1);
  });

  it('refuses an empty query', async () => {
    const res = await get('/api/v1/reference/communes?q=');
    expect(res.statusCode).toBe(400);
  });
});

describe('GET /api/v1/reference/departments', () => {
  it('lists the four Breton departments in Bretagne and Loire-Atlantique apart', async () => {
    const res = await get('/api/v1/reference/departments');
    const items = res.json<{ items: { code: string; zone: string; info: string | null }[] }>().items;
    expect(items.filter((d) => d.zone === 'bretagne').map((d) => d.code)).toEqual(['22', '29', '35', '56']);
    expect(items.find((d) => d.code === '44')).toMatchObject({ zone: 'france', info: 'loire-atlantique' });
    expect(items.find((d) => d.code === '974')).toMatchObject({ zone: 'france', overseas: true });
  });
});

describe('GET /api/v1/reference/naf', () => {
  it('serves the tree from sections down to sub-classes', async () => {
    const res = await get('/api/v1/reference/naf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('max-age');
    const tree = res.json<NafTreeResponse>();
    expect(tree.sections).toHaveLength(21);
    const c = tree.sections.find((s) => s.code === 'C')!;
    const d30 = c.divisions.find((d) => d.code === '30')!;
    expect(d30.groups[0]!.classes[0]!.subclasses[0]).toEqual({
      code: '30.11Z',
      label: 'Construction de navires et de structures flottantes',
    });
  });

  it('gives a code with its ancestors, whatever its spelling', async () => {
    const res = await get('/api/v1/reference/naf/2562b');
    expect(res.json()).toMatchObject({
      code: '25.62B',
      label: 'Mécanique industrielle',
      level: 'subclass',
      ancestors: [{ code: '25.62' }, { code: '25.6' }, { code: '25' }, { code: 'C' }],
    });
    const unknown = await get('/api/v1/reference/naf/99.99Z');
    expect(unknown.statusCode).toBe(404);
  });
});

describe('GET /api/v1/reference/postal-codes', () => {
  it('serves the compact postal table, with codes spanning two departments', async () => {
    const res = await get('/api/v1/reference/postal-codes');
    const table = res.json<{ postalCodes: Record<string, string[]> }>().postalCodes;
    expect(table['29200']).toEqual(['29']);
    expect(table['13780']).toEqual(['13', '83']);
    expect(Object.keys(table).length).toBeGreaterThan(6000);
  });
});
