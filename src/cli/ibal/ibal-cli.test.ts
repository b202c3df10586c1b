// The CLI's IBAL: same core as the browser, on Node streams. The demo FEC is checked against its
// answer key (written independently by the demo generator) to the cent.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDataPaths, ensureDemoData } from '../../db/demo/index.ts';
import { postalLookup } from '../../core/geo/index.ts';
import { defaultAccountSet } from '../../core/purchases/index.ts';
import type { DirectoryAnswer, SupplierQuery, UserAnswer } from '../../core/suppliers/index.ts';
import { answersByKey, parseAnswersFile } from './answers-file.ts';
import { locateAndCompute, readPurchases } from './run-ibal.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'ibal-cli-'));
const lookup = postalLookup({
  source: 'test',
  postalCodes: { '29200': ['29'], '44000': ['44'], '75011': ['75'] },
});

const header =
  'JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise';
const row = (
  j: string,
  n: string,
  d: string,
  acc: string,
  aux: string,
  auxLib: string,
  lib: string,
  debit: string,
  credit: string,
) => [j, j, n, d, acc, acc, aux, auxLib, `P${n}`, d, lib, debit, credit, '', '', d, '', ''].join('\t');
const smallFec = [
  header,
  row('AC', '1', '20250110', '401000', 'F1', 'ARMOR EMBALLAGES', 'Cartons', '0,00', '1200,00'),
  row('AC', '1', '20250110', '602100', '', '', 'Cartons', '1000,00', '0,00'),
  row('AC', '1', '20250110', '445660', '', '', 'Cartons', '200,00', '0,00'),
  row('AC', '2', '20250220', '401000', 'F2', 'PARIS CONSEIL', 'Audit', '0,00', '600,00'),
  row('AC', '2', '20250220', '622600', '', '', 'Audit', '500,00', '0,00'),
  row('AC', '2', '20250220', '445660', '', '', 'Audit', '100,00', '0,00'),
  row('BQ', '3', '20250305', '626000', '', '', 'PRLV ORANGE', '50,00', '0,00'),
  row('BQ', '3', '20250305', '512000', '', '', 'PRLV ORANGE', '0,00', '50,00'),
].join('\r\n');
const smallFecPath = join(tmp, '123456789FEC20251231.txt');
writeFileSync(smallFecPath, `${smallFec}\r\n`);

describe('ibal on Node', () => {
  it('asks the directory with names only, never amounts, and applies the answers file', async () => {
    const read = await readPurchases(smallFecPath, { accounts: defaultAccountSet, period: null });
    expect(read.purchases.totalCents).toBe(155_000);
    const asked: SupplierQuery[] = [];
    const directory = async (qs: SupplierQuery[]): Promise<DirectoryAnswer[]> => {
      asked.push(...qs);
      return qs.map((q) => ({
        key: q.key,
        status: q.name === 'ARMOR EMBALLAGES' ? 'found' : 'not_found',
        method: q.name === 'ARMOR EMBALLAGES' ? 'name' : null,
        confidence: 0.9,
        establishment:
          q.name === 'ARMOR EMBALLAGES'
            ? {
                siret: '73282932000074',
                name: 'ARMOR EMBALLAGES',
                commune: { code: '29019', name: 'Brest' },
                department: '29',
                countryCode: null,
              }
            : null,
        zone: q.name === 'ARMOR EMBALLAGES' ? 'bretagne' : null,
        department: q.name === 'ARMOR EMBALLAGES' ? '29' : null,
        candidates: [],
        note: 'Nom proche',
      }));
    };
    const file = parseAnswersFile(
      new TextEncoder().encode(
        'fournisseur;réponse\nPARIS CONSEIL;75011\nPRLV ORANGE;ignorer\nINCONNU;29200\n',
      ),
    );
    const named = [
      ...read.purchases.suppliers.map((s) => ({ key: s.key, name: s.name })),
      ...read.purchases.unattributed.map((g) => ({ key: g.key, name: g.label })),
    ];
    const tied = answersByKey(file, named);
    expect(tied.problems.map((p) => p.message)).toEqual([
      'Fichier des réponses, ligne 4 : « INCONNU » ne correspond à aucun fournisseur du fichier (clé, compte auxiliaire ou nom) ; ligne ignorée.',
    ]);
    const { ibal } = await locateAndCompute(read.purchases, { lookup, directory, answers: tied.answers });
    // Only the supplier without an answer is asked, with its key and name.
    expect(asked).toEqual([{ key: 'aux:F1', name: 'ARMOR EMBALLAGES' }]);
    expect(ibal.zones).toMatchObject({ bretagne: 100_000, france: 50_000, unlocated: 0 });
    expect(ibal.ignoredCents).toBe(5_000);
    expect(ibal.index.bretagne).toBeCloseTo(66.667, 2);
  });

  describe('the demo FEC (Conserverie Kervadec, 50,016 lines)', () => {
    let paths: ReturnType<typeof demoDataPaths>;
    beforeAll(async () => {
      paths = demoDataPaths(undefined, await ensureDemoData());
    }, 120_000);

    it('agrees with its answer key to the cent: spend per supplier, zones, Loire-Atlantique', async () => {
      const key = JSON.parse(readFileSync(paths.fecAnswerKey!, 'utf8')) as {
        totals: { purchasesCents: number; attributedCents: number; unattributedCents: number };
        byZone: Record<'bretagne' | 'france' | 'europe' | 'world', number>;
        loireAtlantiqueCents: number;
        ibal: { bretagne: number; france: number; europe: number };
        suppliers: { aux: string; amountCents: number; country: string; postalCode: string | null }[];
      };
      const read = await readPurchases(paths.fec!, { accounts: defaultAccountSet, period: null });
      const p = read.purchases;
      expect([p.totalCents, p.attributedCents, p.unattributedCents]).toEqual([
        key.totals.purchasesCents,
        key.totals.attributedCents,
        key.totals.unattributedCents,
      ]);
      expect(Object.fromEntries(p.suppliers.map((s) => [s.key, s.amountCents]))).toEqual(
        Object.fromEntries(key.suppliers.map((s) => [`aux:${s.aux}`, s.amountCents])),
      );
      // Locate each supplier where the key says it is (postal code in France, else country).
      const answers = new Map<string, UserAnswer>(
        key.suppliers.map((s) => [
          `aux:${s.aux}`,
          s.country === 'FR'
            ? { kind: 'postal-code', postalCode: s.postalCode ?? '' }
            : { kind: 'country', country: s.country },
        ]),
      );
      const { ibal } = await locateAndCompute(p, {
        lookup: fullLookup(key.suppliers),
        directory: null,
        answers,
      });
      expect(ibal.zones).toEqual({ ...key.byZone, unlocated: key.totals.unattributedCents });
      expect(ibal.loireAtlantiqueCents).toBe(key.loireAtlantiqueCents);
      expect(Math.round((ibal.index.bretagne ?? 0) * 10) / 10).toBe(key.ibal.bretagne);
      expect(Math.round((ibal.index.france ?? 0) * 10) / 10).toBe(key.ibal.france);
      expect(Math.round((ibal.index.europe ?? 0) * 10) / 10).toBe(key.ibal.europe);
    }, 120_000);
  });

  it('command line: JSON on stdout, exit 0; exit 1 with a French message for a missing file or a non-FEC', async () => {
    const env = { ...process.env, DATA_DIR: join(tmp, 'data') };
    const cli = (...args: string[]) =>
      run(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'ibal', ...args], {
        cwd: root,
        env,
      }).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    const answers = join(tmp, 'reponses.csv');
    writeFileSync(answers, 'F1;29200\nF2;75011\n');
    const [ok, missing, notFec] = await Promise.all([
      cli(smallFecPath, '--format', 'json', '--no-directory', '--suppliers', answers),
      cli(join(tmp, 'absent.txt')),
      cli(join(root, 'package.json')),
    ]);
    expect(ok.code).toBe(0);
    const json = JSON.parse(ok.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      period: { from: '2025-01-10', to: '2025-03-05' },
      totalCents: 155_000,
      zones: { bretagne: 100_000, france: 50_000, europe: 0, world: 0, unlocated: 5_000 },
      unattributedCents: 5_000,
      anomalies: [],
    });
    expect(json.suppliers).toEqual([
      expect.objectContaining({
        key: 'aux:F1',
        name: 'ARMOR EMBALLAGES',
        amountCents: 100_000,
        zone: 'bretagne',
        method: 'user',
        confidence: 1,
      }),
      expect.objectContaining({ key: 'aux:F2', amountCents: 50_000, zone: 'france' }),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Fichier introuvable ou illisible : « .*absent\.txt »/);
    expect(notFec.code).toBe(1);
    expect(notFec.stderr).toMatch(/ne peut pas être lu comme un FEC/);
  }, 120_000);
});

/** A postal lookup that knows the demo suppliers' postal codes (department = first two digits). */
function fullLookup(suppliers: { postalCode: string | null; country: string }[]) {
  const codes: Record<string, string[]> = {};
  for (const s of suppliers)
    if (s.country === 'FR' && s.postalCode) codes[s.postalCode] = [s.postalCode.slice(0, 2)];
  return postalLookup({ source: 'demo', postalCodes: codes });
}
