// The legal-unit thread skips the units of SIRENs not kept from their bytes: the units kept,
// quoted or not, on LF or CRLF lines, must be the ones the string path keeps.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import type { Db } from '../connection.ts';
import {
  csvFile,
  csvLine,
  establishment,
  establishmentHeader53,
  legalUnit,
  legalUnitHeader,
} from './fixtures.ts';
import { importSirene } from './import.ts';

const dir = mkdtempSync(join(tmpdir(), 'sirene-units-'));
let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.close());

describe('legal units read beside the establishments', () => {
  it('keeps exactly the units of the establishments kept, whatever their lines hold', async () => {
    const sirens = Array.from({ length: 400 }, (_, i) => String(100_000_000 + i * 3));
    // Every third company in Finistère (kept), the others in Loire-Atlantique.
    const kept = (i: number) => i % 3 === 0;
    const establishments = csvFile(
      establishmentHeader53,
      sirens.map((siren, i) =>
        establishment({
          siret: `${siren}00012`,
          codeCommuneEtablissement: kept(i) ? '29019' : '44109',
          activitePrincipaleEtablissement: '25.62B',
        }),
      ),
    );
    const names = sirens.map((_, i) =>
      ['ATELIER', 'FORGE "DU PORT", BREST', 'DEUX\nLIGNES', 'A\\B\tC'][i % 4]!.concat(` ${i}`),
    );
    const units =
      legalUnitHeader.join(',') +
      '\n' +
      sirens
        .map(
          (siren, i) =>
            csvLine(legalUnitHeader, legalUnit({ siren, denominationUniteLegale: names[i]! })) +
            (i % 5 === 0 ? '\r\n' : '\n'),
        )
        .join('');
    writeFileSync(join(dir, 'etab.csv'), establishments);
    writeFileSync(join(dir, 'ul.csv'), units);
    const s = await importSirene(db, {
      establishments: join(dir, 'etab.csv'),
      legalUnits: join(dir, 'ul.csv'),
      departments: ['29'],
      batchSize: 17,
    });
    const expected = sirens.filter((_, i) => kept(i));
    expect(s.imported).toBe(expected.length);
    expect(s.legalUnitsLoaded).toBe(expected.length);
    const rows = (
      await db.query<{ siren: string; name: string }>('select siren, name from establishments order by siren')
    ).rows;
    expect(rows).toEqual(expected.map((siren) => ({ siren, name: names[sirens.indexOf(siren)] })));
  });
});
