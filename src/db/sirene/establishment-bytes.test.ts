// The byte path must stage exactly what the string path stages (CsvReader, mapEstablishment and
// the joined line), whatever the line holds and wherever the file's chunks are cut.
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../demo/prng.ts';
import { CopyBuffer } from './copy-buffer.ts';
import { EstablishmentBytes, type ByteRow } from './establishment-bytes.ts';
import { csvLine, establishment, establishmentHeader53, establishmentHeader54 } from './fixtures.ts';
import type { SkipReason } from './import.ts';
import { establishmentLayout } from './layout.ts';
import { SirenSet } from './sorted-keys.ts';

interface Read {
  copy: string;
  events: string[];
  /** Rows written by the byte path itself. */
  bytes: number;
}

/** Reads `file` (header line included) in chunks of the given sizes, the byte way or not. */
function read(
  file: Buffer,
  options: { byteLines: boolean; chunks?: number[]; keep?: ReadonlySet<string> | 'all'; batch?: number },
): Read {
  const lf = file.indexOf(10);
  const header = file.subarray(0, lf).toString('utf8').split(',');
  const layout = establishmentLayout(header, 'test.csv');
  const out = new CopyBuffer();
  const events: string[] = [];
  let copy = '';
  const reader = new EstablishmentBytes(
    header,
    ',',
    layout,
    options.keep ?? 'all',
    out,
    {
      written: (r: ByteRow) =>
        events.push(`${r.siret} ${r.siren} ${r.active} ${r.partialDiffusion} ${r.naf25} ${r.nafLabel}`),
      skipped: (reason: SkipReason) => events.push(reason),
    },
    options.byteLines,
  );
  // Counts the rows the byte path wrote itself: they never go through CopyBuffer.add.
  const add = out.add.bind(out);
  let added = 0;
  out.add = (line: string) => {
    added++;
    add(line);
  };
  const drain = (final: boolean) => {
    for (;;) {
      const status = reader.read(options.batch ?? 10_000, final);
      if (status === 'flush') {
        copy += Buffer.from(out.take()).toString('utf8');
        continue;
      }
      if (status === 'more') return;
    }
  };
  const body = file.subarray(lf + 1);
  const sizes = options.chunks ?? [body.length];
  let at = 0;
  for (let i = 0; at < body.length; i++) {
    const size = Math.max(1, sizes[i % sizes.length]!);
    reader.push(body.subarray(at, at + size));
    at += size;
    drain(false);
  }
  drain(true);
  copy += Buffer.from(out.take()).toString('utf8');
  return { copy, events, bytes: events.filter((e) => /^\d/.test(e)).length - added };
}

/** Both ways, in one chunk and in chunks of odd sizes, must give the same COPY text and rows. */
function expectSame(file: Buffer, keep: ReadonlySet<string> | 'all' = 'all'): Read {
  const strings = read(file, { byteLines: false, keep });
  const whole = read(file, { byteLines: true, keep });
  expect(whole.copy).toBe(strings.copy);
  expect(whole.events).toEqual(strings.events);
  for (const chunks of [[1], [7, 3, 101], [4096, 13]]) {
    const cut = read(file, { byteLines: true, keep, chunks, batch: 3 });
    expect(cut.copy).toBe(strings.copy);
    expect(cut.events).toEqual(strings.events);
  }
  return whole;
}

const header54 = establishmentHeader54.join(',');
const row = (values: Partial<Record<(typeof establishmentHeader54)[number], string>> & { siret: string }) =>
  csvLine(establishmentHeader54, establishment(values));
const brest = {
  codeCommuneEtablissement: '29019',
  libelleCommuneEtablissement: 'BREST',
  codePostalEtablissement: '29200',
  activitePrincipaleEtablissement: '25.62B',
};
const file = (...lines: string[]) => Buffer.from([header54, ...lines].join('\n') + '\n');

describe('the byte path of the establishments file', () => {
  it('writes a common line itself, the same bytes as the string path', () => {
    const r = expectSame(
      file(
        row({
          siret: '12345678200010',
          ...brest,
          numeroVoieEtablissement: '12',
          typeVoieEtablissement: 'RUE',
          libelleVoieEtablissement: 'DE LA FONDERIE',
          trancheEffectifsEtablissement: '12',
          anneeEffectifsEtablissement: '2023',
          enseigne1Etablissement: 'CRÊPERIE DU LÉON',
          activitePrincipaleNAF25Etablissement: '25.62y',
        }),
      ),
    );
    expect(r.bytes).toBe(1);
    expect(r.copy).toContain('\t25.62B\t25.62Y\tC\t');
    expect(r.copy).toContain('\t12 rue de la Fonderie\t');
  });

  it('escapes a tab and a backslash in a field, as COPY text', () => {
    const r = expectSame(
      file(
        row({
          siret: '12345678200010',
          ...brest,
          enseigne1Etablissement: 'A\tB\\C',
          libelleVoieEtablissement: 'DU\\PORT',
          codePostalEtablissement: '29\t200',
        }),
      ),
    );
    expect(r.bytes).toBe(1);
    expect(r.copy).toContain('\tA\\tB\\\\C\t');
  });

  it('leaves quoted fields, CRLF and lone CR line ends to the string path, with the same rows', () => {
    const lines = [
      row({ siret: '12345678200010', ...brest, enseigne1Etablissement: 'CRÊPERIE "TI BREIZH", BREST' }),
      row({ siret: '12345678200028', ...brest, enseigne1Etablissement: 'DEUX\nLIGNES' }),
      row({ siret: '12345678200036', ...brest }),
    ];
    expectSame(Buffer.from(`${header54}\r\n${lines.join('\r\n')}\r\n`));
    expectSame(Buffer.from(`${header54}\n${lines.join('\r')}\r`));
    const r = expectSame(file(...lines));
    expect(r.bytes).toBe(1);
    expect(r.copy).toContain('\tCRÊPERIE "TI BREIZH", BREST\t');
    expect(r.copy).toContain('\tDEUX\\nLIGNES\t');
  });

  it('masks [ND], trims Unicode spaces and keeps non-ASCII names as the string path does', () => {
    const r = expectSame(
      file(
        row({
          siret: '45678912200011',
          ...brest,
          statutDiffusionEtablissement: 'P',
          codePostalEtablissement: '[ND]',
          numeroVoieEtablissement: '[ND]',
          libelleVoieEtablissement: ' [ND] ',
          enseigne1Etablissement: '\u00a0PLOMBERIE DU SCORFF\ufeff',
        }),
        row({
          siret: '45678912200029',
          ...brest,
          enseigne1Etablissement: '\u2009ÉCOLE İSTANBUL ß\u3000',
          libelleVoieEtablissement: 'ÎLE DE SEIN',
          typeVoieEtablissement: 'Ld',
          complementAdresseEtablissement: "ZA D'ARMOR",
          distributionSpecialeEtablissement: 'BP 12',
        }),
      ),
    );
    expect(r.bytes).toBe(2);
    expect(r.copy).toContain('\tPLOMBERIE DU SCORFF\t');
    expect(r.copy).toContain("\tlieu-dit Île de Sein\tZa d'Armor, BP 12\t");
    expect(r.copy).not.toContain('[ND]');
  });

  it('gives a row it cannot write to the string path: same staged line, same counters', () => {
    const lines = [
      // NAF 2025 code beyond ASCII (toUpperCase), a short line, an invalid SIRET, a foreign one,
      // an unknown commune, Corsica in lower case, Lambert-93 coordinates, a year with zeros.
      row({ siret: '12345678200010', ...brest, activitePrincipaleNAF25Etablissement: 'ß' }),
      '12345678200028,x,y',
      row({ siret: '1234567820001', ...brest }),
      row({
        siret: '67891234600015',
        codePaysEtrangerEtablissement: '99109',
        libellePaysEtrangerEtablissement: 'ALLEMAGNE',
        libelleCommuneEtrangerEtablissement: 'HAMBURG',
      }),
      row({
        siret: '56789123900012',
        codeCommuneEtablissement: '22999',
        libelleCommuneEtablissement: 'COMMUNE INCONNUE',
      }),
      row({
        siret: '56789123900020',
        codeCommuneEtablissement: '2a004',
        libelleCommuneEtablissement: 'AJACCIO',
      }),
      row({
        siret: '34567891600015',
        ...brest,
        coordonneeLambertAbscisseEtablissement: '145000.5',
        coordonneeLambertOrdonneeEtablissement: '6837000',
        anneeEffectifsEtablissement: '0023',
      }),
      row({ siret: '34567891600023', ...brest, nomenclatureActivitePrincipaleEtablissement: 'NAFRev1' }),
    ];
    const r = expectSame(file(...lines));
    expect(r.events.filter((e) => e === 'invalid-siret')).toHaveLength(2);
    expect(r.copy).toContain('\t22\t53\t22999\tCommune Inconnue\t');
    expect(r.copy).toContain('\t2A\t94\t2A004\tAjaccio\t');
    expect(r.copy).toMatch(/\tsirene\t\d+\n/);
    expect(r.copy).toContain('\t23\t');
    // Each staged line ends with its row's number, in file order, whichever path wrote it.
    const numbers = r.copy
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => l.split('\t').at(-1));
    expect(numbers).toEqual(numbers.map((_, i) => String(i + 1)));
    expect(numbers.length).toBeGreaterThan(3);
  });

  it('counts a row outside the departments kept without writing it', () => {
    const lines = [
      row({ siret: '12345678200010', ...brest }),
      row({
        siret: '78912345200011',
        codeCommuneEtablissement: '44109',
        libelleCommuneEtablissement: 'NANTES',
      }),
    ];
    const r = expectSame(file(...lines), new Set(['29']));
    expect(r.events[1]).toBe('outside-departments');
    expect(r.copy.split('\n')).toHaveLength(2);
  });

  it('decodes invalid UTF-8 and a last line without line feed the string way', () => {
    const line = row({ siret: '12345678200010', ...brest, enseigne1Etablissement: 'XX' });
    const [before, after] = line.split('XX') as [string, string];
    const bad = Buffer.concat([
      Buffer.from(`${header54}\n${before}`),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from(`${after}\n${row({ siret: '12345678200028', ...brest })}`),
    ]);
    const r = expectSame(bad);
    expect(r.copy).toContain('\t\ufffd(\ufffd\t');
    expect(r.events).toHaveLength(2);
  });

  it('stages the same bytes for thousands of random rows (53 and 54 columns)', () => {
    const random = mulberry32(11);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const texts = [
      '',
      '[ND]',
      ' ND ',
      'AUX DÉLICES',
      'A,B',
      'Q"Q',
      'T\tT',
      'B\\S',
      '\u00a0X\u00a0',
      'Mixed',
      'ǅ',
      'ŉ',
      'DE LA GARE',
    ];
    for (const header of [establishmentHeader53, establishmentHeader54]) {
      const lines: string[] = [header.join(',')];
      for (let i = 0; i < 3000; i++) {
        lines.push(
          csvLine(
            header,
            establishment({
              siret: pick(['1234567820001', '12345678200010', '00000000000000', '[ND]']) + (i % 10),
              siren: pick(['', '123456782', '[ND]', 'x']),
              statutDiffusionEtablissement: pick(['O', 'P', '', ' O']),
              codeCommuneEtablissement: pick([
                '29019',
                '35238',
                '2B033',
                '97411',
                '22999',
                '',
                '[ND]',
                'ABCDE',
              ]),
              libelleCommuneEtablissement: pick(texts),
              codePaysEtrangerEtablissement: pick(['', '99109']),
              libellePaysEtrangerEtablissement: pick(texts),
              activitePrincipaleEtablissement: pick(['25.62B', '2562B', ' 10.71c ', '28.5D', '', 'X']),
              nomenclatureActivitePrincipaleEtablissement: pick(['NAFRev2', 'NAFRev1', '', '[ND]']),
              activitePrincipaleNAF25Etablissement: pick(['', '25.62y', 'ß', 'a\\b']),
              numeroVoieEtablissement: pick(['', '12', '[ND]']),
              indiceRepetitionEtablissement: pick(['', 'B']),
              typeVoieEtablissement: pick(['', 'RUE', 'av', 'XYZ', 'ÉCOLE']),
              libelleVoieEtablissement: pick(texts),
              complementAdresseEtablissement: pick(texts),
              distributionSpecialeEtablissement: pick(['', 'BP 1']),
              codePostalEtablissement: pick(['29200', '', '[ND]']),
              trancheEffectifsEtablissement: pick(['', 'NN', '12', '1', 'AB']),
              anneeEffectifsEtablissement: pick(['', '2023', '0000', '20a3']),
              dateCreationEtablissement: pick(['', '2010-01-01', '2010-1-1']),
              etablissementSiege: pick(['true', 'false', '']),
              etatAdministratifEtablissement: pick(['A', 'F', '']),
              enseigne1Etablissement: pick(texts),
              denominationUsuelleEtablissement: pick(texts),
              coordonneeLambertAbscisseEtablissement: pick(['', '145000', '1e5', 'abc', '[ND]']),
              coordonneeLambertOrdonneeEtablissement: pick(['', '6837000', '[ND]']),
            }),
          ) + pick(['\n', '\n', '\n', '\r\n']),
        );
      }
      const r = expectSame(Buffer.from(lines.join('\n').replace(/\n\n/g, '\n')), new Set(['29', '35', '2B']));
      expect(r.bytes).toBeGreaterThan(50);
    }
  });
});

describe('SirenSet', () => {
  it('answers like a Set, whether the SIRENs come in order or not', () => {
    const random = mulberry32(5);
    for (const sorted of [true, false]) {
      const set = new SirenSet();
      const reference = new Set<number>();
      let v = 0;
      for (let i = 0; i < 5000; i++) {
        v = sorted ? v + Math.floor(random() * 3) : Math.floor(random() * 20_000);
        set.add(v);
        reference.add(v);
      }
      for (let x = -1; x < 20_001; x++) expect(set.has(x)).toBe(reference.has(x));
    }
  });
});
