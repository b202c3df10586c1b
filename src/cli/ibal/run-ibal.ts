// The IBAL on Node: the same core as the browser (core/fec → core/purchases → core/suppliers →
// core/ibal) fed by a file stream, with the directory asked through the database.
import { open, readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Queryable } from '../../db/connection.ts';
import { readFecChunks, type FecReadSummary } from '../../core/fec/index.ts';
import type { PlaceLookup } from '../../core/geo/index.ts';
import { computeIbal, ibalItems, type IbalResult, type SupplierLocation } from '../../core/ibal/index.ts';
import {
  createPurchaseAggregator,
  type AccountSet,
  type Period,
  type PurchasesResult,
} from '../../core/purchases/index.ts';
import {
  locateSupplier,
  normaliseHeader,
  readSupplierList,
  resolveBatches,
  supplierQuery,
  type DirectoryAnswer,
  type SupplierQuery,
  type UserAnswer,
} from '../../core/suppliers/index.ts';
import { resolveSuppliers } from '../../server/services/establishments-resolve.ts';
import { CliError } from '../command.ts';
import { fileChunks } from './file-chunks.ts';

export type Directory = (queries: SupplierQuery[]) => Promise<DirectoryAnswer[]>;

/** The directory through the database, in the endpoint's bounded batches. */
export function databaseDirectory(db: Queryable): Directory {
  return async (queries) => {
    const out: DirectoryAnswer[] = [];
    for (const batch of resolveBatches(queries)) out.push(...(await resolveSuppliers(db, batch)));
    return out;
  };
}

export interface IbalAnomaly {
  line: number;
  code: string;
  message: string;
}

export interface ReadPurchases {
  input: 'fec' | 'supplier-list';
  purchases: PurchasesResult;
  fec: FecReadSummary | null;
  anomalies: IbalAnomaly[];
}

async function sniff(file: string): Promise<'fec' | 'supplier-list'> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    if (head[0] === 0x50 && head[1] === 0x4b) return 'supplier-list';
    const firstLine = normaliseHeader(head.toString('latin1').split(/\r|\n/)[0] ?? '');
    if (/journalcode|ecriturenum|comptenum/.test(firstLine)) return 'fec';
    return ['.csv', '.xlsx'].includes(extname(file).toLowerCase()) ? 'supplier-list' : 'fec';
  } finally {
    await handle.close();
  }
}

export async function readPurchases(
  file: string,
  settings: { accounts: AccountSet; period: Period | null },
): Promise<ReadPurchases> {
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new CliError(`« ${file} » n'est pas un fichier : indiquez le chemin du FEC.`);
    size = s.size;
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(
      `Fichier introuvable ou illisible : « ${file} ». Vérifiez le chemin et les droits de lecture.`,
    );
  }
  if (size === 0)
    throw new CliError(
      `Le fichier « ${file} » est vide : exportez de nouveau le FEC depuis le logiciel comptable.`,
    );

  if ((await sniff(file)) === 'supplier-list') {
    const read = await readSupplierList(new Uint8Array(await readFile(file)), { period: settings.period });
    if (!read.ok) throw new CliError(`Liste de fournisseurs « ${file} » illisible : ${read.error.message}`);
    return {
      input: 'supplier-list',
      purchases: read.value.purchases,
      fec: null,
      anomalies: read.value.problems.map((p) => ({ line: p.line, code: p.code, message: p.message })),
    };
  }

  const aggregator = createPurchaseAggregator({ settings });
  const fec = await readFecChunks(fileChunks(file), {
    onLine: aggregator.add,
    fileName: file,
  });
  if (fec.lineCount === 0) {
    const first = fec.anomalies.find((a) => a.severity === 'error') ?? fec.anomalies[0];
    throw new CliError(
      `« ${file} » ne peut pas être lu comme un FEC. ${first ? first.message : "Aucune écriture n'a été trouvée."}`,
    );
  }
  const purchases = aggregator.result();
  return {
    input: 'fec',
    purchases,
    fec,
    anomalies: [
      ...fec.anomalies.map((a) => ({ line: a.line, code: a.code, message: a.message })),
      ...purchases.anomalies,
    ],
  };
}

export interface LocateOptions {
  lookup: PlaceLookup;
  directory: Directory | null;
  answers: ReadonlyMap<string, UserAnswer>;
  /** Take the proposals (legal form, currency, close name) as if the user had confirmed them. */
  acceptProposals?: boolean;
}

export interface LocatedIbal {
  ibal: IbalResult;
  locations: Map<string, SupplierLocation | null>;
}

/** Asks the directory about the suppliers (never the amounts), applies the answers, computes the IBAL. */
export async function locateAndCompute(
  purchases: PurchasesResult,
  options: LocateOptions,
): Promise<LocatedIbal> {
  const toAsk = purchases.suppliers.filter((s) => !options.answers.has(s.key)).map(supplierQuery);
  const directory = new Map<string, DirectoryAnswer>();
  if (options.directory && toAsk.length > 0) {
    for (const a of await options.directory(toAsk)) directory.set(a.key, a);
  }
  const ctx = { lookup: options.lookup, directory, answers: options.answers };
  const locations = new Map<string, SupplierLocation | null>();
  const accept = (l: SupplierLocation | null): SupplierLocation | null =>
    options.acceptProposals && l?.status === 'proposed' && l.zone
      ? {
          ...l,
          status: 'located',
          evidence: `${l.evidence} Proposition acceptée sans confirmation (--accept-proposals).`,
        }
      : l;
  for (const s of purchases.suppliers) locations.set(s.key, accept(locateSupplier(s, ctx)));
  for (const g of purchases.unattributed) {
    locations.set(g.key, accept(locateSupplier({ key: g.key, name: g.label }, ctx)));
  }
  const ibal = computeIbal(
    ibalItems(purchases, (key) => locations.get(key) ?? null),
    { period: purchases.period },
  );
  return { ibal, locations };
}
