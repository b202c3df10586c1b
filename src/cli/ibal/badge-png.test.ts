// The badge as a PNG from the command line: the SVG of core/ibal rasterised on Node.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { badgeSvg, computeIbal, type IbalItem } from '../../core/ibal/index.ts';
import { cents } from '../../core/shared/index.ts';
import { svgToPng } from './badge-png.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'ibal-badge-'));

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Width and height from the IHDR chunk, which follows the signature. */
const pngSize = (png: Uint8Array) => {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return {
    type: String.fromCharCode(...png.slice(12, 16)),
    width: view.getUint32(16),
    height: view.getUint32(20),
  };
};

const item = (key: string, amount: number, zone: 'bretagne' | 'france'): IbalItem => ({
  key,
  name: key,
  kind: 'supplier',
  amountCents: cents(amount),
  byCategory: { '602': cents(amount) },
  location: {
    status: 'located',
    zone,
    department: zone === 'bretagne' ? '29' : '75',
    communeCode: null,
    communeName: null,
    country: 'FR',
    method: 'user',
    confidence: 1,
    evidence: '',
  },
});

describe('the badge as a PNG', () => {
  it('rasterises the core SVG at twice its size, with its figures drawn', () => {
    const ibal = computeIbal([item('a', 46_000, 'bretagne'), item('b', 54_000, 'france')], {
      period: { from: '2025-01-01', to: '2025-12-31' },
    });
    const svg = badgeSvg(ibal);
    if (!svg.ok) throw new Error(svg.error.message);
    const png = svgToPng(svg.value);
    expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngSize(png)).toEqual({ type: 'IHDR', width: 680, height: 320 });
    // Text rendered (system fonts found): far more than the frame and bars alone.
    const withoutText = svgToPng(svg.value.replace(/<text[^>]*>[^<]*<\/text>/g, ''));
    expect(png.length).toBeGreaterThan(withoutText.length * 2);
  });

  it('npm run cli -- ibal FILE --badge badge.png writes it; another extension is refused in French', async () => {
    const header =
      'JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise';
    const line = (n: string, acc: string, aux: string, lib: string, debit: string, credit: string) =>
      [
        'AC',
        'AC',
        n,
        '20250110',
        acc,
        acc,
        aux,
        lib,
        `P${n}`,
        '20250110',
        'Achat',
        debit,
        credit,
        '',
        '',
        '20250110',
        '',
        '',
      ].join('\t');
    const fec = join(tmp, '123456789FEC20251231.txt');
    writeFileSync(
      fec,
      [
        header,
        line('1', '401000', 'F1', 'ARMOR EMBALLAGES', '0,00', '1000,00'),
        line('1', '602100', '', '', '1000,00', '0,00'),
        '',
      ].join('\r\n'),
    );
    const answers = join(tmp, 'reponses.csv');
    writeFileSync(answers, 'F1;29200\n');
    const cli = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'ibal', fec, ...args], {
        cwd: root,
        env: { ...process.env, DATA_DIR: join(tmp, 'data') },
      }).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    const png = join(tmp, 'badge.png');
    const [written, refused] = await Promise.all([
      cli('--no-directory', '--suppliers', answers, '--badge', png),
      cli('--no-directory', '--suppliers', answers, '--badge', join(tmp, 'badge.gif')),
    ]);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stderr).toMatch(/Badge écrit : .*badge\.png/);
    const bytes = new Uint8Array(readFileSync(png));
    expect([...bytes.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngSize(bytes)).toMatchObject({ width: 680, height: 320 });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/en \.svg ou \.png/);
  }, 120_000);
});
