// Reading a SIRENE file in chunks (two buffers read into in turn) must give what one read of the
// whole file gives, for the string path and for the establishments' byte path.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CopyBuffer } from './copy-buffer.ts';
import { CsvReader } from './csv.ts';
import { EstablishmentBytes } from './establishment-bytes.ts';
import { csvLine, establishment, establishmentHeader54 } from './fixtures.ts';
import { establishmentLayout } from './layout.ts';
import { openCsv } from './source.ts';

/** A file of several MB: chunks end inside lines, inside quoted fields and inside UTF-8 characters. */
function bigFile(): string {
  const lines = ['\ufeff' + establishmentHeader54.join(',') + '\n'];
  for (let i = 0; i < 24_000; i++) {
    lines.push(
      csvLine(
        establishmentHeader54,
        establishment({
          siret: String(10_000_000_000_000 + i * 7),
          codeCommuneEtablissement: ['29019', '35238', '56121', '22278'][i % 4],
          libelleCommuneEtablissement: 'ÎLE-TUDY',
          activitePrincipaleEtablissement: '25.62B',
          libelleVoieEtablissement: 'DE LA FONTAINE SAINT-ÉLOI '.repeat(1 + (i % 3)),
          enseigne1Etablissement: i % 50 === 0 ? `« ${i} », "CITÉ"\nSUITE` : 'CRÊPERIE ÀÉÎÕÜ',
        }),
      ) + (i % 7 === 0 ? '\r\n' : '\n'),
    );
  }
  return lines.join('');
}

describe('openCsv', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sirene-source-'));
  const path = join(dir, 'etab.csv');
  writeFileSync(path, bigFile());
  const text = readFileSync(path, 'utf8');

  it('gives the records one parse of the whole text gives', async () => {
    const whole: string[][] = [];
    const reader = new CsvReader(',');
    reader.push(text.slice(text.indexOf('\n') + 1), whole);
    reader.end(whole);
    const source = await openCsv(path);
    expect(source.header[0]).toBe('siren');
    const read: string[][] = [];
    for await (const batch of source.batches()) read.push(...batch);
    source.close();
    expect(read.length).toBe(24_000);
    expect(read).toEqual(whole);
  });

  it('gives the byte path chunks that stage what the whole file at once stages', async () => {
    const stage = async (chunks: AsyncIterable<Buffer> | Buffer[], header: string[]) => {
      const out = new CopyBuffer();
      let copy = '';
      let rows = 0;
      const layout = establishmentLayout(header, 'etab.csv');
      const reader = new EstablishmentBytes(header, ',', layout, new Set(['29', '35']), out, {
        written: () => rows++,
        skipped: () => rows++,
      });
      const drain = (final: boolean) => {
        for (;;) {
          const status = reader.read(10_000, final);
          if (status === 'flush') copy += Buffer.from(out.take()).toString();
          else if (status === 'more') return;
        }
      };
      for await (const chunk of chunks) {
        reader.push(chunk);
        drain(false);
      }
      drain(true);
      return { copy: copy + Buffer.from(out.take()).toString(), rows };
    };
    const source = await openCsv(path);
    const chunked = await stage(source.chunks(), source.header);
    source.close();
    const bytes = readFileSync(path);
    const once = await stage([bytes.subarray(bytes.indexOf(10) + 1)], source.header);
    expect(chunked.rows).toBe(24_000);
    expect(chunked.copy).toBe(once.copy);
    expect(chunked.copy.length).toBeGreaterThan(1_000_000);
  });
});
