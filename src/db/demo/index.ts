// The demo data generator: a seeded, deterministic set of files that stand in for real
// ones — SIRENE stock files (establishments, legal units, geolocation), a FEC with its answer
// key, and a supplier list. Same seed → same bytes. Used by `npm start` (via ensureDemoData),
// the tests and the browser tests; `npm run cli -- demo-data` writes them on demand.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoIndex } from '../../server/reference-data.ts';
import { chooseSuppliers, generateFec, type DemoCompany } from './fec.ts';
import { answerKey, encodeLatin9, fecText, supplierListExample } from './output.ts';
import { createRng } from './prng.ts';
import { establishmentsCsv, generateSirene, geolocationCsv, legalUnitsCsv } from './sirene.ts';

/** Bump when the output changes, so ensureDemoData regenerates stale files. */
export const GENERATOR_VERSION = 3;
export const DEFAULT_SEED = 2025;
const FISCAL_YEAR = 2025;

/** demo-data/ at the root of the repository. */
export const defaultDemoDataDir = fileURLToPath(new URL('../../../demo-data/', import.meta.url));

/** Where each file lands, relative to the demo-data folder. */
export const DEMO_FILES = {
  establishments: 'sirene/StockEtablissement_utf8.csv',
  legalUnits: 'sirene/StockUniteLegale_utf8.csv',
  geolocation: 'sirene/GeolocalisationEtablissement_Sirene_pour_etudes_statistiques_utf8.csv',
  supplierList: 'suppliers/fournisseurs-2025.csv',
  supplierListKey: 'suppliers/fournisseurs-2025.answer-key.json',
  manifest: 'manifest.json',
} as const;

export interface DemoManifest {
  generator: string;
  version: number;
  seed: number;
  /** FEC file name, in fec/. */
  fec: string;
  fecAnswerKey: string;
  files: Record<string, { bytes: number; sha256: string }>;
  counts: { establishments: number; bretonEstablishments: number; legalUnits: number; fecLines: number };
  generatedInMs: number;
}

export interface GenerateOptions {
  outDir?: string;
  seed?: number;
}

/** The demo company: a fish cannery in Douarnenez (Finistère). Invented. */
const COMPANY = {
  name: 'CONSERVERIE KERVADEC',
  naf: '10.20Z',
  communeCode: '29046',
  legalForm: 'SAS' as const,
  createdOn: '1987-04-01',
};

const resolveDir = (dir: string) => (isAbsolute(dir) ? dir : resolve(process.cwd(), dir));

export function generateDemoData({
  outDir = defaultDemoDataDir,
  seed = DEFAULT_SEED,
}: GenerateOptions = {}): DemoManifest {
  const started = performance.now();
  const dir = resolveDir(outDir);
  const rng = createRng(seed);
  const geo = geoIndex();

  const sirene = generateSirene(rng.fork('sirene'), geo, {
    bretonEstablishments: 5000,
    otherEstablishments: 400,
    extra: COMPANY,
  });
  const head = sirene.establishments[0]!;
  const company: DemoCompany = {
    name: 'Conserverie Kervadec SAS',
    siren: head.siren,
    siret: head.siret,
    communeCode: head.commune.code,
    postalCode: head.postalCode,
  };
  const suppliers = chooseSuppliers(rng.fork('suppliers'), sirene.establishments, company);
  const fec = generateFec(rng.fork('fec'), company, suppliers, FISCAL_YEAR);
  const fecName = `${company.siren}FEC${FISCAL_YEAR}1231.txt`;
  const key = answerKey(fec, fecName);
  const list = supplierListExample(rng.fork('supplier-list'), key, suppliers);

  const files: Record<string, string | Uint8Array> = {
    [DEMO_FILES.establishments]: establishmentsCsv(sirene),
    [DEMO_FILES.legalUnits]: legalUnitsCsv(sirene),
    [DEMO_FILES.geolocation]: geolocationCsv(sirene),
    [`fec/${fecName}`]: encodeLatin9(fecText(fec)),
    [`fec/${fecName.replace(/\.txt$/, '.answer-key.json')}`]: JSON.stringify(key, null, 2) + '\n',
    [DEMO_FILES.supplierList]: list.csv,
    [DEMO_FILES.supplierListKey]:
      JSON.stringify(
        {
          file: DEMO_FILES.supplierList,
          format: 'CSV « ; », UTF-8 avec BOM, virgule décimale',
          byZone: list.byZone,
          rows: list.rows,
        },
        null,
        2,
      ) + '\n',
  };

  const manifestFiles: DemoManifest['files'] = {};
  for (const [name, content] of Object.entries(files)) {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    // Write then rename, so a reader never sees half a file.
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
    manifestFiles[name] = { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  }
  const manifest: DemoManifest = {
    generator: 'relocalisons demo-data',
    version: GENERATOR_VERSION,
    seed,
    fec: fecName,
    fecAnswerKey: fecName.replace(/\.txt$/, '.answer-key.json'),
    files: manifestFiles,
    counts: {
      establishments: sirene.establishments.length,
      bretonEstablishments: sirene.establishments.filter((e) =>
        ['22', '29', '35', '56'].includes(e.commune.departmentCode),
      ).length,
      legalUnits: sirene.legalUnits.length,
      fecLines: key.lineCount,
    },
    generatedInMs: Math.round(performance.now() - started),
  };
  const manifestPath = join(dir, DEMO_FILES.manifest);
  writeFileSync(`${manifestPath}.${process.pid}.tmp`, JSON.stringify(manifest, null, 2) + '\n');
  renameSync(`${manifestPath}.${process.pid}.tmp`, manifestPath);
  return manifest;
}

/** The manifest of the demo data in `dir`, or null when missing, stale or incomplete. */
export function readDemoManifest(dir: string = defaultDemoDataDir): DemoManifest | null {
  const path = join(resolveDir(dir), DEMO_FILES.manifest);
  if (!existsSync(path)) return null;
  try {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as DemoManifest;
    if (manifest.version !== GENERATOR_VERSION) return null;
    const complete = Object.keys(manifest.files).every((f) => existsSync(join(resolveDir(dir), f)));
    return complete ? manifest : null;
  } catch {
    return null;
  }
}

/** Generates the demo files in `dir` when they are missing or stale (a few seconds); returns the manifest. */
export async function ensureDemoData(
  dir: string = defaultDemoDataDir,
  log: (message: string) => void = () => undefined,
): Promise<DemoManifest> {
  const existing = readDemoManifest(dir);
  if (existing) return existing;
  log('Génération des données de démonstration (SIRENE, FEC)…');
  const manifest = generateDemoData({ outDir: dir });
  log(
    `Données de démonstration écrites dans ${resolveDir(dir)} en ${(manifest.generatedInMs / 1000).toFixed(1)} s.`,
  );
  return manifest;
}

/** Absolute paths of the demo files in `dir`. */
export function demoDataPaths(dir: string = defaultDemoDataDir, manifest?: DemoManifest) {
  const root = resolveDir(dir);
  return {
    establishments: join(root, DEMO_FILES.establishments),
    legalUnits: join(root, DEMO_FILES.legalUnits),
    geolocation: join(root, DEMO_FILES.geolocation),
    supplierList: join(root, DEMO_FILES.supplierList),
    fec: manifest ? join(root, 'fec', manifest.fec) : null,
    fecAnswerKey: manifest ? join(root, 'fec', manifest.fecAnswerKey) : null,
  };
}
