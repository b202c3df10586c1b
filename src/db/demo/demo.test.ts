// The demo files are fixtures for the whole project: these tests check that they are what
// they claim to be (official layouts, valid identifiers, a FEC that balances and encodes).
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFecReader } from '../../core/fec/index.ts';
import { createPurchaseAggregator } from '../../core/purchases/index.ts';
import { parseSiren, parseSiret } from '../../core/shared/index.ts';
import { geoIndex } from '../../server/reference-data.ts';
import { DEFAULT_SEED, demoDataPaths, ensureDemoData, generateDemoData, type DemoManifest } from './index.ts';
import type { AnswerKey } from './output.ts';
import { createRng } from './prng.ts';
import { ESTABLISHMENT_HEADER, LEGAL_UNIT_HEADER, generateSirene } from './sirene.ts';

let manifest: DemoManifest;
let paths: ReturnType<typeof demoDataPaths>;
beforeAll(async () => {
  manifest = await ensureDemoData();
  paths = demoDataPaths(undefined, manifest);
}, 120_000);

/** Splits one CSV line of the INSEE files (quotes only around values holding commas or quotes). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cur);
      cur = '';
    } else cur += c;
  }
  cells.push(cur);
  return cells;
}

function readCsv(path: string): { header: string[]; rows: Record<string, string>[] } {
  const [head, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
  const header = csvCells(head!);
  const rows = lines.map((l) => csvCells(l));
  expect(rows.filter((cells) => cells.length !== header.length)).toEqual([]);
  return { header, rows: rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]!]))) };
}

describe('demo SIRENE files', () => {
  const corpus = join(import.meta.dirname, '../../../../shared/corpus/sirene');

  it.skipIf(!existsSync(corpus))('use the official headers of the INSEE stock files', () => {
    const official = (file: string) =>
      readFileSync(join(corpus, file), 'utf8').split('\n')[0]!.trim().split(',');
    const establishments = readFileSync(paths.establishments, 'utf8').split('\n')[0]!.split(',');
    expect(establishments.slice(0, 53)).toEqual(official('StockEtablissement_utf8_sample.csv'));
    expect(establishments[53]).toBe('activitePrincipaleNAF25Etablissement');
    expect(readFileSync(paths.legalUnits, 'utf8').split('\n')[0]!.split(',')).toEqual(
      official('StockUniteLegale_utf8_sample.csv'),
    );
  });

  it('writes 54 establishment columns and 33 legal-unit columns', () => {
    expect(ESTABLISHMENT_HEADER).toHaveLength(54);
    expect(LEGAL_UNIT_HEADER).toHaveLength(33);
  });

  it('gives every establishment a Luhn-valid SIRET made of its SIREN and NIC', () => {
    const { rows } = readCsv(paths.establishments);
    const invalid = rows.filter(
      (r) => !parseSiret(r.siret!).ok || !parseSiren(r.siren!).ok || r.siret !== `${r.siren}${r.nic}`,
    );
    expect(invalid.map((r) => r.siret)).toEqual([]);
    expect(new Set(rows.map((r) => r.siret)).size).toBe(rows.length);
  });

  it('puts about 5,000 establishments in Brittany, in real communes with their own postal codes', () => {
    const { rows } = readCsv(paths.establishments);
    const geo = geoIndex();
    const breton = rows.filter((r) =>
      ['22', '29', '35', '56'].includes(geo.commune(r.codeCommuneEtablissement!)!.departmentCode),
    );
    expect(breton.length).toBeGreaterThanOrEqual(4900);
    expect(breton.length).toBeLessThanOrEqual(5100);
    expect(rows.length - breton.length).toBeGreaterThanOrEqual(300);
    expect(rows.some((r) => r.codeCommuneEtablissement!.startsWith('44'))).toBe(true);
    const misplaced = rows.filter(
      (r) => !geo.commune(r.codeCommuneEtablissement!)?.postalCodes.includes(r.codePostalEtablissement!),
    );
    expect(misplaced.map((r) => r.siret)).toEqual([]);
    // Every Breton department is represented.
    const departments = new Set(breton.map((r) => r.codeCommuneEtablissement!.slice(0, 2)));
    expect([...departments].sort()).toEqual(['22', '29', '35', '56']);
  });

  it('has a few closed and a few partially diffusible records, masked with [ND]', () => {
    const { rows } = readCsv(paths.establishments);
    const closed = rows.filter((r) => r.etatAdministratifEtablissement === 'F').length / rows.length;
    expect(closed).toBeGreaterThan(0.02);
    expect(closed).toBeLessThan(0.045);
    const partial = rows.filter((r) => r.statutDiffusionEtablissement === 'P');
    expect(partial.length / rows.length).toBeGreaterThan(0.01);
    expect(partial.length / rows.length).toBeLessThan(0.035);
    for (const r of partial) expect(r.libelleVoieEtablissement).toBe('[ND]');
    const units = readCsv(paths.legalUnits).rows;
    const maskedPeople = units.filter(
      (u) => u.statutDiffusionUniteLegale === 'P' && u.categorieJuridiqueUniteLegale === '1000',
    );
    expect(maskedPeople.length).toBeGreaterThan(0);
    for (const u of maskedPeople) expect(u.nomUniteLegale).toBe('[ND]');
  });

  it('joins every establishment to its legal unit, whose head office it names', () => {
    const establishments = readCsv(paths.establishments).rows;
    const units = new Map(readCsv(paths.legalUnits).rows.map((u) => [u.siren!, u]));
    const orphans = establishments.filter(
      (e) =>
        !units.has(e.siren!) ||
        (e.etablissementSiege === 'true' && units.get(e.siren!)!.nicSiegeUniteLegale !== e.nic),
    );
    expect(orphans.map((e) => e.siret)).toEqual([]);
    const perSiren = new Map<string, number>();
    for (const e of establishments) perSiren.set(e.siren!, (perSiren.get(e.siren!) ?? 0) + 1);
    expect([...perSiren.values()].filter((n) => n > 1).length).toBeGreaterThan(20);
  });

  it('weights activities towards Brittany’s strong sectors', () => {
    const { rows } = readCsv(paths.establishments);
    const share = (prefixes: string[]) =>
      rows.filter((r) => prefixes.some((p) => r.activitePrincipaleEtablissement!.startsWith(p))).length /
      rows.length;
    expect(share(['10.', '11.'])).toBeGreaterThan(0.08); // agri-food
    expect(share(['03.', '30.1'])).toBeGreaterThan(0.03); // sea and shipbuilding
    expect(share(['26.', '62.'])).toBeGreaterThan(0.05); // electronics and digital
    expect(share(['55.', '56.'])).toBeGreaterThan(0.08); // tourism
    expect(share(['17.2', '22.22'])).toBeGreaterThan(0.02); // packaging
    expect(share(['25.', '28.'])).toBeGreaterThan(0.05); // metalwork
  });

  it('names most companies after what they do (a road haulier is « … TRANSPORTS … »)', () => {
    const hauliers = readCsv(paths.legalUnits).rows.filter(
      (u) => u.activitePrincipaleUniteLegale === '49.41A' && u.denominationUniteLegale,
    );
    const named = hauliers.filter((u) => u.denominationUniteLegale!.includes('TRANSPORTS'));
    expect(hauliers.length).toBeGreaterThan(50);
    expect(named.length / hauliers.length).toBeGreaterThan(0.5);
  });

  it('geolocates diffusible establishments only, near their commune', () => {
    const lines = readFileSync(paths.geolocation, 'utf8').trimEnd().split('\n');
    const header = lines[0]!.split(';');
    expect(header).toContain('y_latitude');
    expect(header).toContain('x_longitude');
    const partial = new Set(
      readCsv(paths.establishments)
        .rows.filter((r) => r.statutDiffusionEtablissement === 'P')
        .map((r) => r.siret),
    );
    const wrong = lines.slice(1).filter((line) => {
      const cells = line.split(';');
      const lat = Number(cells[header.indexOf('y_latitude')]);
      return partial.has(cells[0]) || !(lat > -22 && lat < 51.2);
    });
    expect(wrong).toEqual([]);
    expect(lines.length).toBeGreaterThan(5000);
  });
});

describe('demo FEC', () => {
  let text: string;
  let bytes: Buffer;
  let key: AnswerKey;
  beforeAll(() => {
    bytes = readFileSync(paths.fec!);
    text = new TextDecoder('iso-8859-15').decode(bytes);
    key = JSON.parse(readFileSync(paths.fecAnswerKey!, 'utf8')) as AnswerKey;
  });

  it('is named <SIREN>FEC<closing date>.txt after a Luhn-valid SIREN', () => {
    expect(manifest.fec).toMatch(/^\d{9}FEC20251231\.txt$/);
    expect(parseSiren(manifest.fec.slice(0, 9)).ok).toBe(true);
  });

  it('is encoded in ISO-8859-15: € and œ as single bytes, no UTF-8', () => {
    expect(bytes.includes(0xa4)).toBe(true); // €
    expect(bytes.includes(0xbd)).toBe(true); // œ
    expect(text).toContain('€');
    expect(text).toContain('cœur');
    expect(text).toContain('Müller Verpackung GmbH');
    expect(bytes.includes(Buffer.from('é', 'utf8'))).toBe(false);
  });

  it('has the 18 standard columns on every line, about 50,000 lines, dates in 2025', () => {
    const lines = text.split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]!.split('\t')).toEqual([
      'JournalCode',
      'JournalLib',
      'EcritureNum',
      'EcritureDate',
      'CompteNum',
      'CompteLib',
      'CompAuxNum',
      'CompAuxLib',
      'PieceRef',
      'PieceDate',
      'EcritureLib',
      'Debit',
      'Credit',
      'EcritureLet',
      'DateLet',
      'ValidDate',
      'Montantdevise',
      'Idevise',
    ]);
    expect(lines.length - 1).toBe(key.lineCount);
    expect(key.lineCount).toBeGreaterThan(45_000);
    expect(key.lineCount).toBeLessThan(56_000);
    const malformed = lines.slice(1).filter((line) => {
      const f = line.split('\t');
      return (
        f.length !== 18 ||
        !/^2025\d{4}$/.test(f[3]!) ||
        !/^\d+,\d\d$/.test(f[11]!) ||
        !/^\d+,\d\d$/.test(f[12]!)
      );
    });
    expect(malformed).toEqual([]);
  });

  it('balances every entry: debit = credit', () => {
    const totals = new Map<string, number>();
    const cents = (v: string) => Number(v.replace(',', ''));
    for (const line of text.split('\r\n').slice(1, -1)) {
      const f = line.split('\t');
      const k = `${f[0]}|${f[2]}|${f[3]}`;
      totals.set(k, (totals.get(k) ?? 0) + cents(f[11]!) - cents(f[12]!));
    }
    expect(totals.size).toBe(key.entryCount);
    expect([...totals].filter(([, v]) => v !== 0)).toEqual([]);
  });

  it('has credit notes, a multi-supplier entry, bank purchases and foreign-currency invoices', () => {
    const lines = text
      .split('\r\n')
      .slice(1, -1)
      .map((l) => l.split('\t'));
    expect(
      lines.some(
        (f) => f[0] === 'HA' && f[8]!.startsWith('AV') && f[4]!.startsWith('401') && f[11] !== '0,00',
      ),
    ).toBe(true);
    const grp = lines.filter((f) => f[8]!.startsWith('GRP') && f[4]!.startsWith('401'));
    expect(new Set(grp.map((f) => f[6])).size).toBe(2);
    expect(lines.some((f) => f[0] === 'BQ' && f[4]!.startsWith('6'))).toBe(true);
    expect(new Set(lines.filter((f) => f[17]).map((f) => f[17]))).toEqual(
      new Set(['USD', 'CNY', 'GBP', 'CHF']),
    );
    expect(new Set(lines.map((f) => f[0]))).toEqual(new Set(['AN', 'HA', 'VT', 'BQ', 'OD']));
  });

  it('comes with an answer key whose suppliers add up, in all four zones', () => {
    const sum = key.suppliers.reduce((s, x) => s + x.amountCents, 0);
    expect(sum).toBe(key.totals.attributedCents);
    expect(key.totals.attributedCents + key.totals.unattributedCents).toBe(key.totals.purchasesCents);
    for (const zone of ['bretagne', 'france', 'europe', 'world'] as const)
      expect(key.byZone[zone]).toBeGreaterThan(0);
    expect(key.loireAtlantiqueCents).toBeGreaterThan(0);
    expect(key.ibal.bretagne).toBeLessThan(key.ibal.france);
    expect(key.ibal.france).toBeLessThan(key.ibal.europe);
    // Breton suppliers come from the demo directory, so it can find them by SIRET and name.
    const establishments = new Map(readCsv(paths.establishments).rows.map((r) => [r.siret!, r]));
    for (const s of key.suppliers.filter((x) => x.zone === 'bretagne')) {
      expect(['22', '29', '35', '56']).toContain(
        establishments.get(s.siret!)!.codeCommuneEtablissement!.slice(0, 2),
      );
    }
  });

  it('reads without anomaly through the project’s own FEC reader and purchase rule, to the cent', () => {
    const purchases = createPurchaseAggregator();
    const reader = createFecReader({ onLine: (line) => purchases.add(line), fileName: manifest.fec });
    reader.push(new Uint8Array(bytes));
    const summary = reader.finish();
    expect(summary.encoding).toBe('iso-8859-15');
    expect(summary.lineCount).toBe(key.lineCount);
    expect(summary.anomalies).toEqual([]);
    const result = purchases.result();
    expect(result.totalCents).toBe(key.totals.purchasesCents);
    expect(result.unattributedCents).toBe(key.totals.unattributedCents);
    const byAux = new Map(result.suppliers.map((s) => [s.auxiliaryAccount, s.amountCents]));
    expect(key.suppliers.filter((s) => byAux.get(s.aux) !== s.amountCents)).toEqual([]);
  });

  it('gives a multi-supplier entry to both suppliers pro rata', () => {
    const lines = text
      .split('\r\n')
      .slice(1, -1)
      .map((l) => l.split('\t'));
    const grp = lines.filter((f) => f[8] === 'GRP20250314');
    expect(grp.map((f) => [f[4], f[11], f[12]])).toEqual([
      ['62410000', '1500,00', '0,00'],
      ['44566000', '300,00', '0,00'],
      ['40100000', '0,00', '1200,00'],
      ['40100000', '0,00', '600,00'],
    ]);
  });
});

describe('determinism', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relocalisons-demo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the same bytes for the same seed', () => {
    const again = generateDemoData({ outDir: dir, seed: DEFAULT_SEED });
    const hash = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
    for (const [name, { sha256 }] of Object.entries(again.files)) {
      expect(manifest.files[name]?.sha256, name).toBe(sha256);
      expect(hash(join(dir, name)), name).toBe(sha256);
    }
  }, 120_000);

  it('draws other companies from another seed', () => {
    const geo = geoIndex();
    const names = (seed: number) =>
      generateSirene(createRng(seed), geo, {
        bretonEstablishments: 30,
        otherEstablishments: 5,
      }).establishments.map((e) => `${e.siret} ${e.name}`);
    expect(names(7)).toEqual(names(7));
    expect(names(7)).not.toEqual(names(8));
  });
});
