import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { crc32, deflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import type { Db } from '../connection.ts';
import {
  breizhScenario,
  csvFile,
  csvLine,
  establishment,
  establishmentHeader53,
  legalUnit,
  legalUnitHeader,
  S,
} from './fixtures.ts';
import { importSirene } from './import.ts';
import { lambert93ToWgs84 } from './lambert.ts';
import { LayoutError } from './layout.ts';

const corpus = join(import.meta.dirname, '../../../../shared/corpus/sirene');
const dir = mkdtempSync(join(tmpdir(), 'sirene-test-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

interface Row {
  siret: string;
  name: string;
  enseigne: string | null;
  sigle: string | null;
  naf_code: string | null;
  naf25_code: string | null;
  section: string | null;
  department: string | null;
  region: string | null;
  commune_name: string | null;
  postal_code: string | null;
  address: string | null;
  country_code: string | null;
  headcount_band: string | null;
  headcount_year: number | null;
  active: boolean;
  diffusion: string;
  head_office: boolean;
  lat: number | null;
  lon: number | null;
  coord_source: string | null;
}
const get = async (siret: string) =>
  (await db.query<Row>('select * from establishments where siret = $1', [siret])).rows[0];

/**
 * What the importer derives from the rows it writes, checked against the rows themselves: the
 * full-text vector is the one establishment_search() computes from the texts (the former
 * generated column), and the words table holds exactly the words of every name, sigle, enseigne,
 * usual name and activity label stored.
 */
async function expectDerivedColumnsConsistent({ onlyImported = true, target = db } = {}) {
  const wrong = await target.query<{ n: number; total: number }>(
    `select count(*) filter (where search is distinct from
              establishment_search(name, sigle, enseigne, usual_name, naf_label))::int as n,
            count(*)::int as total
       from establishments`,
  );
  expect(wrong.rows[0]!.total).toBeGreaterThan(0);
  expect(wrong.rows[0]!.n).toBe(0);
  const words = await target.query<{ missing: number; extra: number }>(
    `with expected as (
       select distinct w as word
         from establishments e, unnest(array[e.name, e.sigle, e.enseigne, e.usual_name, e.naf_label]) v,
              regexp_split_to_table(lower(immutable_unaccent(v)), '[^a-z0-9]+') w
        where length(w) >= 3)
     select (select count(*) from (select word from expected except select word from establishment_words) m)::int as missing,
            (select count(*) from (select word from establishment_words except select word from expected) x)::int as extra`,
  );
  // Words stay when a re-import renames a row: after other writes, only the missing ones count.
  if (onlyImported) expect(words.rows[0]).toEqual({ missing: 0, extra: 0 });
  else expect(words.rows[0]!.missing).toBe(0);
}

describe('import-sirene on the Breton scenario (53 columns, Brittany by default)', () => {
  const files = breizhScenario();
  let summary: Awaited<ReturnType<typeof importSirene>>;
  beforeAll(async () => {
    summary = await importSirene(db, {
      establishments: write('etab.csv', files.establishments),
      legalUnits: write('ul.csv', files.legalUnits),
      departments: ['22', '29', '35', '56'],
    });
  });

  it('counts what it read, imported and skipped, with the reason', () => {
    expect(summary.read).toBe(8);
    expect(summary.imported).toBe(6);
    expect(summary.skipped).toMatchObject({ 'outside-departments': 1, abroad: 1 });
    expect(summary.closed).toBe(1);
    expect(summary.partialDiffusion).toBe(1);
  });

  it('names an establishment from its legal unit, with department and region from the commune code', async () => {
    const e = await get(S.chaudronnerie);
    expect(e).toMatchObject({
      name: 'CHAUDRONNERIE DU LÉON',
      naf_code: '25.29Z',
      section: 'C',
      department: '29',
      region: '53',
      commune_name: 'Landerneau',
      postal_code: '29800',
      address: '12 rue de la Fonderie',
      headcount_band: '12',
      headcount_year: 2023,
      head_office: true,
      active: true,
      coord_source: 'commune',
    });
    // No NAF 2025 column in a 53-column file.
    expect(e!.naf25_code).toBeNull();
  });

  it('keeps a closed establishment as closed', async () => {
    expect(await get(S.chaudronnerieMorlaix)).toMatchObject({ active: false, head_office: false });
  });

  it('shows nothing masked for a partially diffusible sole trader: no address, no person name, no [ND]', async () => {
    const e = await get(S.artisan);
    expect(e).toMatchObject({
      diffusion: 'P',
      postal_code: null,
      address: null,
      name: 'PLOMBERIE DU SCORFF',
    });
    const all = JSON.stringify(e);
    expect(all).not.toContain('[ND]');
  });

  it('keeps the sigle without dots and converts Lambert-93 coordinates of the file', async () => {
    const e = await get(S.emballages);
    expect(e).toMatchObject({ sigle: 'AEI', coord_source: 'sirene' });
    expect(e!.lat).toBeCloseTo(48.11, 1);
    expect(e!.lon).toBeCloseTo(-1.68, 1);
  });

  it('ignores an old nomenclature and leaves an unknown commune without coordinates', async () => {
    const e = await get(S.ancien);
    expect(e).toMatchObject({
      naf_code: null,
      section: null,
      department: '22',
      coord_source: null,
      lat: null,
    });
    expect(e!.name).toBe('Yann KERGOAT');
  });

  it('re-import is idempotent and closes what the new file says is closed', async () => {
    const before = await db.query<{ n: number }>('select count(*)::int as n from establishments');
    const closedNow = files.establishments.replace(
      new RegExp(`(${S.boulangerie},O,[^\\n]*),A,`),
      (_m, start: string) => `${start},F,`,
    );
    expect(closedNow).not.toBe(files.establishments);
    await importSirene(db, {
      establishments: write('etab2.csv', closedNow),
      legalUnits: write('ul.csv', files.legalUnits),
      departments: ['22', '29', '35', '56'],
    });
    const after = await db.query<{ n: number }>('select count(*)::int as n from establishments');
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
    expect(await get(S.boulangerie)).toMatchObject({ active: false, name: 'BOULANGERIE LE GOFF' });
    await expectDerivedColumnsConsistent();
  });

  it('fills the vector of a row written by anyone else, and follows its texts', async () => {
    const search = async (siret: string) =>
      (
        await db.query<{ s: string }>('select search::text as s from establishments where siret = $1', [
          siret,
        ])
      ).rows[0]!.s;
    await db.query(
      `insert into establishments (siret, siren, name, naf_label) values ('99999999900019', '999999999', 'Forge du Léguer', 'Forge')`,
    );
    expect(await search('99999999900019')).toBe(`'forg':1A,4C 'legu':3A`);
    await db.query(`update establishments set enseigne = 'Aux Ateliers' where siret = '99999999900019'`);
    expect(await search('99999999900019')).toBe(`'ateli':5B 'forg':1A,6C 'legu':3A`);
    await db.query(`update establishments set active = false where siret = '99999999900019'`);
    const wrong = await db.query<{ n: number }>(
      `select count(*)::int as n from establishments
        where search is distinct from establishment_search(name, sigle, enseigne, usual_name, naf_label)`,
    );
    expect(wrong.rows[0]!.n).toBe(0);
    await db.query(`delete from establishments where siret = '99999999900019'`);
  });
});

/** The legal-unit file with the unit of `siret` listed again at the end, under another name. */
const withUnitAgain = (legalUnits: string, siret: string, name: string) =>
  legalUnits +
  csvLine(legalUnitHeader, legalUnit({ siren: siret.slice(0, 9), denominationUniteLegale: name })) +
  '\n';

describe('import-sirene, other layouts and options', () => {
  it('reads the NAF 2025 column of a 54-column file', async () => {
    const files = breizhScenario({ naf25: true });
    const s = await importSirene(db, {
      establishments: write('etab54.csv', files.establishments),
      departments: ['29'],
    });
    expect(s.naf25).toBeGreaterThan(0);
    expect(await get(S.chaudronnerie)).toMatchObject({ naf25_code: '25.29Y', naf_code: '25.29Z' });
  });

  it('keeps a foreign establishment with --all, with its INSEE country code', async () => {
    const files = breizhScenario();
    await importSirene(db, {
      establishments: write('etab-all.csv', files.establishments),
      legalUnits: write('ul.csv', files.legalUnits),
      departments: 'all',
    });
    expect(await get(S.etranger)).toMatchObject({
      country_code: '99109',
      department: null,
      name: 'HANSE KESSELBAU',
    });
    expect(await get(S.nantes)).toMatchObject({ department: '44', region: '52' });
  });

  it('takes coordinates from an INSEE geolocation file when given', async () => {
    const files = breizhScenario();
    const geo = write(
      'geo.csv',
      'siret;x;y;qualite_xy;epsg;plg_qp;plg_iris;plg_zus;plg_qva;plg_code_commune;distance_precision;qualite_qp;qualite_iris;qualite_zus;qualite_qva;y_latitude;x_longitude\n' +
        `${S.boulangerie};171000;6789000;11;2154;;;;;29232;0;;;;;47.9960;-4.1020\n`,
    );
    const s = await importSirene(db, {
      establishments: write('etab-geo.csv', files.establishments),
      geo,
      departments: ['29'],
    });
    expect(s.geoPointsLoaded).toBe(1);
    expect(await get(S.boulangerie)).toMatchObject({ lat: 47.996, lon: -4.102, coord_source: 'sirene' });
  });

  it('refuses the pre-2019 layout with a French message naming the missing columns', async () => {
    const old = write(
      'old.csv',
      'SIREN;NIC;L1_NORMALISEE;L2_NORMALISEE;APET700\n123456782;00010;ACME;;2562B\n',
    );
    const error = await importSirene(db, { establishments: old, departments: ['29'] }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LayoutError);
    expect((error as Error).message).toMatch(/n’est pas un fichier des établissements au format SIRENE/);
    expect((error as Error).message).toContain('siret');
    expect((error as Error).message).toContain('etatAdministratifEtablissement');
    expect((error as Error).message).toContain('avant 2019');
  });

  it('keeps the last row of a SIRET or a SIREN listed twice (a file out of order), into an empty directory or not', async () => {
    const files = breizhScenario();
    const establishments =
      files.establishments +
      csvLine(
        establishmentHeader53,
        establishment({
          siret: S.boulangerie,
          // another activity: the label of the row dropped is no row's, nor are its words
          activitePrincipaleEtablissement: '25.62B',
          codeCommuneEtablissement: '29232',
          libelleCommuneEtablissement: 'QUIMPER',
          enseigne1Etablissement: 'FOURNIL DE L’ODET',
        }),
      ) +
      '\n';
    const legalUnits = withUnitAgain(files.legalUnits, S.boulangerie, 'BOULANGERIE KERBRAT');
    const empty = await createTestDb();
    try {
      // batchSize 1: each row its own COPY, two at a time on two connections (PostgreSQL).
      for (const [target, batchSize] of [
        [empty, undefined],
        [db, undefined],
        [db, 1],
      ] as const) {
        const s = await importSirene(target, {
          establishments: write('etab-twice.csv', establishments),
          legalUnits: write('ul-twice.csv', legalUnits),
          departments: ['29'],
          batchSize,
        });
        expect(s.imported).toBe(4);
        const rows = await target.query<Row>('select * from establishments where siret = $1', [
          S.boulangerie,
        ]);
        expect(rows.rows).toEqual([
          expect.objectContaining({
            enseigne: 'FOURNIL DE L’ODET',
            name: 'BOULANGERIE KERBRAT',
            naf_code: '25.62B',
          }),
        ]);
      }
      await expectDerivedColumnsConsistent({ target: empty });
    } finally {
      await empty.close();
    }
  });

  it('keeps the last of two rows of a SIREN in a legal-unit file out of order, read beside sorted establishments', async () => {
    const files = breizhScenario();
    const legalUnits = withUnitAgain(files.legalUnits, S.chaudronnerie, 'FORGES DU LÉON');
    const s = await importSirene(db, {
      establishments: write('etab-sorted.csv', files.establishments),
      legalUnits: write('ul-unsorted.csv', legalUnits),
      departments: ['29'],
    });
    expect(s.legalUnitsLoaded).toBe(3);
    expect(await get(S.chaudronnerie)).toMatchObject({ name: 'FORGES DU LÉON' });
    expect(await get(S.chaudronnerieMorlaix)).toMatchObject({ name: 'FORGES DU LÉON' });
    expect(await get(S.boulangerie)).toMatchObject({ name: 'BOULANGERIE LE GOFF' });
  });

  it('keeps what INSEE publishes of a partially diffusible establishment (postal code), masks the street', async () => {
    const file = csvFile(establishmentHeader53, [
      establishment({
        siret: '89123456700028',
        statutDiffusionEtablissement: 'P',
        activitePrincipaleEtablissement: '43.22A',
        codeCommuneEtablissement: '29019',
        libelleCommuneEtablissement: 'BREST',
        codePostalEtablissement: '29200',
        numeroVoieEtablissement: '[ND]',
        typeVoieEtablissement: '[ND]',
        libelleVoieEtablissement: '[ND]',
        enseigne1Etablissement: 'PLOMBERIE DE L ELORN',
      }),
    ]);
    await importSirene(db, { establishments: write('partial.csv', file), departments: ['29'] });
    expect(await get('89123456700028')).toMatchObject({
      diffusion: 'P',
      postal_code: '29200',
      commune_name: 'Brest',
      address: null,
      coord_source: 'commune',
    });
  });

  it('reads quoted values with commas and doubled quotes', async () => {
    const file = csvFile(establishmentHeader53, [
      establishment({
        siret: '89123456700010',
        activitePrincipaleEtablissement: '56.10A',
        codeCommuneEtablissement: '29019',
        enseigne1Etablissement: 'CRÊPERIE "TI BREIZH", BREST',
      }),
    ]);
    await importSirene(db, { establishments: write('quoted.csv', file), departments: ['29'] });
    expect(await get('89123456700010')).toMatchObject({
      enseigne: 'CRÊPERIE "TI BREIZH", BREST',
      commune_name: 'Brest',
    });
  });
});

/** A one-entry zip archive (deflate), as INSEE publishes its stock files. */
function zipOf(name: string, text: string): Buffer {
  const data = Buffer.from(text);
  const packed = deflateRawSync(data);
  const fileName = Buffer.from(name);
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  const centralOffset = local.length + fileName.length + packed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, fileName, packed, central, fileName, end]);
}

describe('import-sirene from a zip archive', () => {
  it('reads the CSV inside the archive as it is inflated', async () => {
    const files = breizhScenario();
    const zip = join(dir, 'StockEtablissement_utf8.zip');
    writeFileSync(zip, zipOf('StockEtablissement_utf8.csv', files.establishments));
    const s = await importSirene(db, { establishments: zip, departments: ['29'] });
    expect(s.read).toBe(8);
    // Finistère: the chaudronnerie, its closed workshop, the bakery.
    expect(s.imported).toBe(3);
  });
});

describe('import-sirene on the real INSEE sample (../shared/corpus/sirene)', () => {
  it('imports all 299 establishments with --all and their names from the legal units', async () => {
    const s = await importSirene(db, {
      establishments: join(corpus, 'StockEtablissement_utf8_sample.csv'),
      legalUnits: join(corpus, 'StockUniteLegale_utf8_sample.csv'),
      departments: 'all',
    });
    expect(s.read).toBe(299);
    expect(s.imported + Object.values(s.skipped).reduce((a, b) => a + b, 0)).toBe(299);
    expect(s.imported).toBeGreaterThan(290);
    // A person's name: "prénom usuel + nom"; the establishment of Marseille is active.
    expect(await get('00032517500065')).toMatchObject({
      name: 'Thierry JANOYER',
      active: true,
      department: '13',
      naf_code: '32.12Z',
    });
    // Old nomenclature rows keep no NAF code.
    const old = await db.query<{ n: number }>(
      `select count(*)::int as n from establishments where siret like '0054%' and naf_code is null`,
    );
    expect(old.rows[0]!.n).toBeGreaterThan(0);
    await expectDerivedColumnsConsistent({ onlyImported: false });
  });

  it('keeps none of them with the Breton default (the sample has no Breton establishment)', async () => {
    const s = await importSirene(db, {
      establishments: join(corpus, 'StockEtablissement_utf8_sample.csv'),
      departments: ['22', '29', '35', '56'],
    });
    expect(s.read).toBe(299);
    expect(s.skipped['outside-departments'] + s.skipped.abroad).toBe(299 - s.imported);
  });
});

describe('Lambert-93 → WGS84', () => {
  it('maps the projection origin (700 000 ; 6 600 000) to 46.5° N, 3° E', () => {
    const p = lambert93ToWgs84(700000, 6600000);
    expect(p.lat).toBeCloseTo(46.5, 6);
    expect(p.lon).toBeCloseTo(3, 6);
  });
});
