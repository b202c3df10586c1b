import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../../test/support/app.ts';
import { importBreizhScenario } from '../../../../test/support/directory.ts';
import type { EstablishmentSummary, SearchResponse } from '../../../api/establishments.ts';
import { S } from '../../../db/sirene/fixtures.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
  await importBreizhScenario(ctx.db);
});
afterAll(() => ctx.close());

async function search(query: string): Promise<SearchResponse> {
  const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/establishments?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as SearchResponse;
}
const sirets = (r: SearchResponse) => r.items.map((i) => i.siret);

describe('GET /api/v1/establishments — relevance, as a buyer would search', () => {
  it('finds the chaudronnerie despite a typo, and says which word was corrected', async () => {
    const r = await search('q=ckaudronnerie');
    expect(sirets(r)).toContain(S.chaudronnerie);
    expect(r.query.corrections).toContainEqual({ from: 'ckaudronnerie', to: 'chaudronnerie' });
    const item = r.items.find((i) => i.siret === S.chaudronnerie)!;
    expect(item.why.join(' ')).toContain('« ckaudronnerie » → « chaudronnerie »');
  });

  it('ignores accents: "leon" finds "CHAUDRONNERIE DU LÉON"', async () => {
    const r = await search('q=chaudronnerie%20leon');
    expect(sirets(r)[0]).toBe(S.chaudronnerie);
  });

  it('finds a company by its sigle', async () => {
    const r = await search('q=AEI');
    expect(sirets(r)).toEqual([S.emballages]);
  });

  it('finds a shop by its enseigne, with a plural and without accents', async () => {
    const r = await search('q=delices%20odet');
    expect(sirets(r)).toEqual([S.boulangerie]);
    expect(r.items[0]!.why.join(' ')).toContain('l’enseigne');
  });

  it('finds by activity words (NAF label) through French stemming', async () => {
    const r = await search('q=réservoirs%20métalliques&department=29');
    expect(sirets(r)).toContain(S.chaudronnerie);
  });

  it('shows only active establishments unless closed ones are asked for', async () => {
    expect(sirets(await search('q=chaudronnerie'))).not.toContain(S.chaudronnerieMorlaix);
    const all = await search('q=chaudronnerie&includeClosed=true');
    expect(sirets(all)).toContain(S.chaudronnerieMorlaix);
    expect(all.items.find((i) => i.siret === S.chaudronnerieMorlaix)!.active).toBe(false);
  });

  it('a radius of 30 km around Brest keeps Landerneau and excludes Rennes and Quimper', async () => {
    const r = await search('near=29019&radiusKm=30');
    expect(sirets(r)).toContain(S.chaudronnerie);
    expect(sirets(r)).not.toContain(S.emballages);
    expect(sirets(r)).not.toContain(S.boulangerie);
    const landerneau = r.items.find((i) => i.siret === S.chaudronnerie)!;
    expect(landerneau.distanceKm).toBeGreaterThan(5);
    expect(landerneau.distanceKm).toBeLessThan(30);
    expect(landerneau.why.join(' ')).toMatch(/km de Brest/);
  });

  it('a word within a radius: the Landerneau workshop is within 30 km of Brest, the Nantes one is not', async () => {
    const near = await search('q=chaudronnerie&near=29019&radiusKm=30');
    expect(sirets(near)).toEqual([S.chaudronnerie]);
    expect(near.items[0]!.why.join(' ')).toMatch(/« chaudronnerie » trouvé dans le nom.*km de Brest/);
    // Typed as a prefix, with a typo, or by its activity label: the same radius applies.
    expect(sirets(await search('q=chaudron&near=29019&radiusKm=30'))).toEqual([S.chaudronnerie]);
    expect(sirets(await search('q=ckaudronnerie&near=29019&radiusKm=30'))).toEqual([S.chaudronnerie]);
    expect(sirets(await search('q=réservoirs%20métalliques&near=29019&radiusKm=30'))).toEqual([
      S.chaudronnerie,
    ]);
    const wide = await search('q=chaudronnerie&near=29019&radiusKm=400');
    expect(sirets(wide)).toEqual(expect.arrayContaining([S.chaudronnerie, S.nantes]));
  });

  it('when no establishment has all the words, leaves out the most common one and says so', async () => {
    const r = await search('q=chaudronnerie%20délices');
    expect(r.pagination.total).toBeGreaterThan(0);
    for (const item of r.items) expect(item.why.join(' ')).toMatch(/laissé de côté/);
  });

  it('sorts by distance from a point', async () => {
    const r = await search('near=48.11,-1.68&sort=distance&department=29,35');
    expect(r.query.sort).toBe('distance');
    expect(sirets(r)[0]).toBe(S.emballages);
    const d = r.items.map((i) => i.distanceKm!);
    expect([...d].sort((a, b) => a - b)).toEqual(d);
  });

  it('filters by NAF prefix, section, department, EPCI and headcount band, with facet counts', async () => {
    expect(sirets(await search('naf=25.29'))).toEqual(expect.arrayContaining([S.chaudronnerie, S.nantes]));
    expect(sirets(await search('naf=25.29&department=29'))).toEqual([S.chaudronnerie]);
    expect(sirets(await search('section=C&department=35'))).toEqual([S.emballages]);
    // CA du Pays de Landerneau-Daoulas (EPCI 242900801) holds Landerneau.
    expect(sirets(await search('epci=242900801'))).toEqual([S.chaudronnerie]);
    expect(sirets(await search('headcount=21'))).toEqual([S.emballages]);
    // Section C (manufacturing) holds the bakery (10.71C) too.
    const facets = (await search('section=C')).facets;
    expect(facets.department).toEqual(
      expect.arrayContaining([
        { value: '29', label: 'Finistère', count: 2 },
        { value: '35', label: 'Ille-et-Vilaine', count: 1 },
      ]),
    );
  });

  it('pages results', async () => {
    const r = await search('pageSize=2&page=2');
    expect(r.pagination).toMatchObject({ page: 2, pageSize: 2 });
    expect(r.items.length).toBeLessThanOrEqual(2);
    expect(r.pagination.pages).toBe(Math.ceil(r.pagination.total / 2));
  });

  it('shows no address nor person name of a partially diffusible record', async () => {
    const r = await search('q=plomberie%20scorff');
    const item = r.items[0] as EstablishmentSummary;
    expect(item.siret).toBe(S.artisan);
    expect(item).toMatchObject({
      diffusion: 'P',
      address: null,
      postalCode: null,
      name: 'PLOMBERIE DU SCORFF',
    });
  });

  it('answers a French 400 for a bad parameter', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/establishments?near=nulle-part' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/code commune INSEE/);
  });
});

describe('GET /api/v1/establishments/:siret', () => {
  it('gives the identity, the official directory link and the other establishments', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/establishments/${S.chaudronnerie}` });
    expect(res.statusCode).toBe(200);
    const e = res.json();
    expect(e).toMatchObject({
      name: 'CHAUDRONNERIE DU LÉON',
      naf: { code: '25.29Z' },
      headcount: { band: '12', label: '20 à 49 salariés', year: 2023 },
      isHeadOffice: true,
      inBrittany: true,
      addressLines: ['12 rue de la Fonderie', '29800 Landerneau'],
      annuaireUrl: `https://annuaire-entreprises.data.gouv.fr/etablissement/${S.chaudronnerie}`,
      otherEstablishmentsTotal: 1,
    });
    expect(e.otherEstablishments[0].siret).toBe(S.chaudronnerieMorlaix);
  });

  it('answers 404 in French for an unknown SIRET', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/establishments/11111111111111' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain('introuvable');
  });
});

describe('exports', () => {
  it('exports the search as CSV with formula injection neutralised', async () => {
    await ctx.db.query(`update establishments set enseigne = '=HYPERLINK("http://x")' where siret = $1`, [
      S.boulangerie,
    ]);
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/establishments.csv?department=29' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/^siret;siren;nom;/);
    const bakery = lines.find((l) => l.startsWith(S.boulangerie))!;
    expect(bakery).toContain(`"'=HYPERLINK(""http://x"")"`);
    await ctx.db.query(`update establishments set enseigne = 'AUX DÉLICES DE L’ODET' where siret = $1`, [
      S.boulangerie,
    ]);
  });

  it('exports the search as JSON', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/establishments.json?naf=25.29' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(body.items.length);
    expect(body.items.map((i: EstablishmentSummary) => i.siret)).toContain(S.chaudronnerie);
  });

  it('documents the directory routes in OpenAPI', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    for (const path of [
      '/api/v1/establishments',
      '/api/v1/establishments/{siret}',
      '/api/v1/establishments.csv',
      '/api/v1/alternatives',
      '/api/v1/suppliers/resolve',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});

describe('GET /api/v1/alternatives', () => {
  it('proposes Breton establishments of the same sub-class, nearest first, with the reason', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/alternatives?naf=25.29Z&near=44109' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const items = body.items as (EstablishmentSummary & { level: string; reason: string })[];
    // Nantes (44) is not Breton; the closed Morlaix workshop is not proposed.
    expect(items.map((i) => i.siret)).toEqual([S.chaudronnerie]);
    expect(items[0]!.level).toBe('subclass');
    expect(items[0]!.reason).toMatch(/^Même sous-classe NAF 25\.29Z .* km de Nantes/);
  });

  it('falls back to the group when the sub-class has nobody in Brittany', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/alternatives?naf=25.21Z' });
    const items = res.json().items as { siret: string; level: string }[];
    expect(items).toEqual([expect.objectContaining({ siret: S.chaudronnerie, level: 'group' })]);
  });
});
