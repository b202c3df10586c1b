// A supplier list (CSV or XLSX: name, amount, and SIRET/postal code/country when known)
// read by core/suppliers into the same PurchasesResult as a FEC. When its columns are not
// recognised, the headers are sent back so the person can say which is which.
import {
  readSupplierList,
  supplierListRows,
  type MappingOverride,
  type SupplierListResult,
} from '../../../core/suppliers/index.ts';

export class SupplierListError extends Error {
  constructor(
    message: string,
    /** Set when the columns need mapping by hand. */
    readonly headers?: string[],
  ) {
    super(message);
  }
}

async function headersOf(bytes: Uint8Array): Promise<string[]> {
  try {
    const rows = await supplierListRows(bytes);
    const header = rows.find((r) => r.some((c) => c !== null && String(c).trim() !== ''));
    return (header ?? []).map((c) => (c === null || c === undefined ? '' : String(c).trim()));
  } catch {
    return [];
  }
}

export async function readSupplierListBytes(
  bytes: Uint8Array,
  fileName: string,
  mapping?: MappingOverride,
): Promise<SupplierListResult> {
  const read = await readSupplierList(bytes, mapping ? { mapping } : {});
  if (read.ok) return read.value;
  if (read.error.code === 'mapping') {
    const headers = await headersOf(bytes);
    throw new SupplierListError(read.error.message, headers.length > 1 ? headers : undefined);
  }
  throw new SupplierListError(
    `« ${fileName} » n'a pas pu être lu comme un FEC ni comme une liste de fournisseurs : ${read.error.message}`,
  );
}
