// The one seam between the page and the domain: purchases + the directory's answers + the
// user's answers → locations (core/suppliers) → the index (core/ibal). The CLI runs the
// same functions, so both give the same figures to the cent.
import type { ResolvedEstablishment, ResolvedSupplier } from '../../../api/suppliers.ts';
import { resolveCountry, zoneOfDepartment, type PlaceLookup } from '../../../core/geo/index.ts';
import {
  computeIbal,
  ibalBadge,
  ibalItems,
  type IbalResult,
  type SupplierLocation,
} from '../../../core/ibal/index.ts';
import type { PurchasesResult } from '../../../core/purchases/index.ts';
import {
  locateSupplier,
  supplierQuery,
  type ChosenEstablishment,
  type SupplierQuery,
  type SupplierToLocate,
} from '../../../core/suppliers/index.ts';
import { zoneLabels } from '../../components/ibal/zones.ts';
import type { AnswersStore, SupplierAnswer } from './answers-store.ts';
import type { Badge } from './ibal-result.tsx';
import type { ToLocate } from './unlocated-suppliers.tsx';

export interface Measure {
  result: IbalResult;
  badge: Badge | null;
  /** Unlocated or merely proposed, largest spend first. */
  toLocate: ToLocate[];
}

/** What to ask the directory: the suppliers of the file (not the unattributed labels). */
export function resolveQueries(purchases: PurchasesResult, onlyKeys?: readonly string[]): SupplierQuery[] {
  const only = onlyKeys ? new Set(onlyKeys) : null;
  return purchases.suppliers.filter((s) => !only || only.has(s.key)).map(supplierQuery);
}

/** The establishment an answer rests on, so the next run's trace still names it. */
function chosenEstablishment(e: ResolvedEstablishment): ChosenEstablishment {
  return {
    siret: e.siret,
    ...(e.commune ? { communeCode: e.commune.code, communeName: e.commune.name } : {}),
  };
}

function proposalOf(
  location: SupplierLocation,
  directoryAnswer: ResolvedSupplier | undefined,
): ToLocate['proposal'] {
  if (location.status !== 'proposed' || !location.zone) return null;
  const abroad = location.country && location.country !== 'FR' ? resolveCountry(location.country) : undefined;
  // The directory's establishment backs the proposal only when it is the one proposed (a name
  // match), not when the proposal is a zone shared by several namesakes.
  const establishment =
    directoryAnswer?.status === 'found' && directoryAnswer.establishment
      ? directoryAnswer.establishment
      : null;
  const answer: SupplierAnswer = abroad
    ? { kind: 'country', country: abroad.alpha2 }
    : {
        kind: 'zone',
        zone: location.zone,
        ...(location.department ? { department: location.department } : {}),
        ...(establishment ? { establishment: chosenEstablishment(establishment) } : {}),
      };
  const label = abroad
    ? abroad.name
    : `${zoneLabels[location.zone]}${location.communeName ? ` (${location.communeName})` : location.department ? ` (${location.department})` : ''}`;
  return { answer, label, evidence: location.evidence };
}

/**
 * Homonyms of the directory in several zones: the name cannot choose, so each candidate is
 * offered as a choice, with its commune (the user knows which one invoices).
 */
function choicesOf(answer: ResolvedSupplier | undefined): ToLocate['choices'] {
  if (!answer || answer.status !== 'ambiguous' || answer.zone !== null) return [];
  return answer.candidates.flatMap((c): ToLocate['choices'] => {
    const abroad = c.countryCode ? resolveCountry(c.countryCode) : undefined;
    const place = c.commune
      ? `${c.commune.name}${c.department ? ` (${c.department})` : ''}`
      : (abroad?.name ?? c.department ?? '');
    const label = `${c.name}${place ? `, ${place}` : ''}`;
    if (abroad && !abroad.france) return [{ answer: { kind: 'country', country: abroad.alpha2 }, label }];
    if (!c.department) return [];
    const department = c.department;
    return [
      {
        answer: {
          kind: 'zone',
          zone: zoneOfDepartment(department),
          department,
          establishment: chosenEstablishment(c),
        },
        label,
      },
    ];
  });
}

export function computeMeasure(
  purchases: PurchasesResult,
  directory: ReadonlyMap<string, ResolvedSupplier>,
  store: AnswersStore,
  lookup: PlaceLookup,
): Measure {
  const named = [
    ...purchases.suppliers.map((s) => ({ key: s.key, name: s.name })),
    ...purchases.unattributed.map((g) => ({ key: g.key, name: g.label })),
  ];
  const answers = store.answersFor(named);
  const ctx = { lookup, directory, answers };
  const toLocateByKey = new Map<string, SupplierToLocate>([
    ...purchases.suppliers.map((s): [string, SupplierToLocate] => [s.key, s]),
    ...purchases.unattributed.map((g): [string, SupplierToLocate] => [g.key, { key: g.key, name: g.label }]),
  ]);
  const items = ibalItems(purchases, (key) => {
    const s = toLocateByKey.get(key);
    return s ? locateSupplier(s, ctx) : null;
  });
  const result = computeIbal(items, { period: purchases.period });
  const badge = result.badge.eligible ? ibalBadge(result) : null;

  const toLocate: ToLocate[] = items
    .filter((i) => i.amountCents > 0 && (i.location === null || i.location.status === 'proposed'))
    .sort((a, b) => b.amountCents - a.amountCents || a.name.localeCompare(b.name, 'fr'))
    .map((i) => ({
      key: i.key,
      name: i.name,
      kind: i.kind,
      amountCents: i.amountCents,
      proposal: i.location ? proposalOf(i.location, directory.get(i.key)) : null,
      choices: i.location ? [] : choicesOf(directory.get(i.key)),
      note:
        i.location?.status === 'proposed'
          ? 'Localisation proposée, à confirmer.'
          : (directory.get(i.key)?.note ??
            (i.kind === 'unattributed'
              ? 'Achats passés sans ligne fournisseur : indiquez où ils sont faits si vous le savez.'
              : 'Non trouvé dans l’annuaire.')),
      answer: answers.get(i.key) ?? null,
    }));
  return { result, badge, toLocate };
}
