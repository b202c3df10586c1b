// A supplier list (CSV or XLSX: name, amount, and SIRET/postal code/country when known)
// turned into the same PurchasesResult as a FEC, through core/suppliers' list reader.
import type { PurchasesResult } from '../../../core/purchases/index.ts';

export class SupplierListError extends Error {}

export function readSupplierListBytes(_bytes: Uint8Array, fileName: string): PurchasesResult {
  throw new SupplierListError(
    `« ${fileName} » ne ressemble pas à un FEC (pas de ligne d'en-tête JournalCode, EcritureNum, CompteNum…) et la lecture des listes de fournisseurs n'est pas encore disponible sur cette page. Exportez le FEC depuis votre logiciel comptable.`,
  );
}
