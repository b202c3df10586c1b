// The contract of core/purchases: what a FEC (or a supplier list) becomes once its
// purchase lines are tied to suppliers (DESIGN.md §5). Consumed by core/ibal, the CLI and
// the web page. Every amount is an integer number of euro cents (Cents).
import type { Cents } from '../shared/index.ts';

/** ISO dates YYYY-MM-DD, both inclusive. */
export interface Period {
  from: string;
  to: string;
}

/**
 * Which accounts count as purchases: account-number prefixes included, and prefixes excluded
 * (an exclusion wins over an inclusion when it is longer, e.g. include 60, exclude 603).
 * Accounts of class 2 (capital expenditure, 20/21) only count in entries that carry a
 * 404 (fournisseurs d'immobilisations) line.
 */
export interface AccountSet {
  include: string[];
  exclude: string[];
}

export interface PurchaseSettings {
  accounts: AccountSet;
  /** Keep only entries whose EcritureDate falls in this period; null = the whole file. */
  period: Period | null;
}

/** Where the supplier key comes from. */
export type SupplierKeySource =
  /** CompAuxNum of a 401/403/404/408 line (the standard case). */
  | 'auxiliary'
  /** A per-supplier general account (e.g. 4010012) with no CompAuxNum. */
  | 'general-account'
  /** A row of a supplier list (CSV/XLSX), keyed by its normalised name or identifier. */
  | 'supplier-list';

/** Identifiers and address hints seen for a supplier (from a supplier list; a FEC rarely has any). */
export interface SupplierIdentifiers {
  siret: string[];
  siren: string[];
  postalCodes: string[];
  towns: string[];
  /** As written in the source (ISO code or a name). */
  countries: string[];
}

/** Net purchase spend of one supplier over the period. */
export interface SupplierSpend {
  /** Stable key: `aux:<CompAuxNum>`, `account:<CompteNum>` or `list:<normalised name or SIRET>`. */
  key: string;
  keySource: SupplierKeySource;
  /** CompAuxLib (or CompteLib, or the list's name), as written. */
  name: string;
  /** CompAuxNum when there is one. */
  auxiliaryAccount: string | null;
  /** General account(s) of its supplier lines (401..., 404..., 4010012). */
  generalAccounts: string[];
  identifiers: SupplierIdentifiers;
  /** Idevise values seen on its entries (EUR excluded), e.g. ['USD']: a location hint. */
  currencies: string[];
  /** Net HT spend (credit notes subtract). */
  amountCents: Cents;
  /** Net HT spend per purchase category (3-digit PCG account, e.g. '601'). */
  byCategory: Record<string, Cents>;
  /** Number of entries (invoices, credit notes) that gave it an amount. */
  entryCount: number;
  /** A few EcritureLib labels, to recognise it. */
  sampleLabels: string[];
}

/** Purchases with no supplier line (bank journals, cash...), grouped by a normalised label. */
export interface UnattributedGroup {
  /** `label:<normalised label>`: the user may locate the group like a supplier. */
  key: string;
  /** The most frequent label of the group, as written. */
  label: string;
  amountCents: Cents;
  byCategory: Record<string, Cents>;
  entryCount: number;
  /** Up to a few (journal, piece, date, line) references to find them in the file. */
  samples: UnattributedSample[];
  /** Why they are not attributed. */
  reason: 'no-supplier-line' | 'collective-account-without-auxiliary';
}

export interface UnattributedSample {
  line: number;
  journalCode: string;
  pieceRef: string;
  date: string;
  label: string;
  amountCents: Cents;
}

export interface PurchaseCategory {
  /** 3-digit PCG account, e.g. '601', or '6xx' for an account not in the table. */
  code: string;
  /** French label from the PCG (ANC regulation 2014-03). */
  label: string;
}

export interface CategoryTotal extends PurchaseCategory {
  amountCents: Cents;
}

/** How the entries of a journal were told apart (DESIGN.md §5). */
export type EntryKeyMode =
  /** (JournalCode, EcritureNum, EcritureDate), the standard key. */
  | 'ecriture-num'
  /** (JournalCode, EcritureDate, PieceRef), when EcritureNum is empty or constant. */
  | 'piece-ref';

export interface PurchaseAnomaly {
  /** 1-based line of the file (0 for the file as a whole). */
  line: number;
  code: string;
  /** In French: what, where, what to do. */
  message: string;
}

export interface PurchasesResult {
  /** Period of the figures: the chosen one, else min/max EcritureDate of the file. */
  period: Period | null;
  settings: PurchaseSettings;
  /** Net purchase spend: attributed + unattributed. */
  totalCents: Cents;
  attributedCents: Cents;
  unattributedCents: Cents;
  /** Sorted by amount, largest first. */
  suppliers: SupplierSpend[];
  /** Sorted by amount, largest first. */
  unattributed: UnattributedGroup[];
  /** Totals per purchase category, largest first. */
  byCategory: CategoryTotal[];
  /** Entry key mode chosen per journal code. */
  entryKeyModes: Record<string, EntryKeyMode>;
  /** Entries holding at least one purchase line. */
  purchaseEntryCount: number;
  linesRead: number;
  anomalies: PurchaseAnomaly[];
}
