// The Indice breton de l'achat local (DESIGN.md §5): located spend summed in four zones, three
// cumulative percentages computed on the located spend, the coverage always beside them.
import { cents, formatPercent, percentOf } from '../shared/index.ts';
import { categoryLabel } from '../purchases/categories.ts';
import type { Period, PurchasesResult } from '../purchases/types.ts';
import type {
  BadgeEligibility,
  IbalCategoryRow,
  IbalDepartmentRow,
  IbalItem,
  IbalMethod,
  IbalResult,
  IbalSupplierRow,
  IbalZone,
  SupplierLocation,
  ZoneCents,
} from './types.ts';

/** Version of the method: bump it when a rule changes what a result means (saved results keep it). */
export const IBAL_METHOD: IbalMethod = { id: 'ibal', version: '1.0.0' };

/** Share of spend that must be located before the badge can be produced (programme rule). */
export const BADGE_MIN_COVERAGE = 80;

const emptyZones = (): Record<IbalZone | 'unlocated', number> => ({
  bretagne: 0,
  france: 0,
  europe: 0,
  world: 0,
  unlocated: 0,
});

const toZoneCents = (z: Record<IbalZone | 'unlocated', number>): ZoneCents => ({
  bretagne: cents(z.bretagne),
  france: cents(z.france),
  europe: cents(z.europe),
  world: cents(z.world),
  unlocated: cents(z.unlocated),
});

function zoneOfItem(location: SupplierLocation | null): IbalZone | null {
  return location && location.status === 'located' ? location.zone : null;
}

/**
 * The coverage as the page, the badge and its refusal all write it: rounded like every percentage
 * ("55 %"), except just under the threshold, where rounding would show "80 %" for a refused
 * badge — there one decimal, cut rather than rounded ("79,9 %").
 */
export function formatCoverage(coverage: number | null): string {
  if (coverage === null) return '—';
  if (coverage < BADGE_MIN_COVERAGE && Math.round(coverage) >= BADGE_MIN_COVERAGE) {
    return formatPercent(Math.floor(coverage * 10) / 10, 1);
  }
  return formatPercent(coverage);
}

export function badgeEligibility(coverage: number | null, locatedCents: number): BadgeEligibility {
  if (coverage === null || locatedCents <= 0) {
    return {
      eligible: false,
      reason: `Aucun achat localisé : il en faut au moins ${BADGE_MIN_COVERAGE} % pour produire le badge. Localisez d'abord vos fournisseurs (ou confirmez les localisations proposées), les plus gros d'abord.`,
    };
  }
  if (coverage < BADGE_MIN_COVERAGE) {
    return {
      eligible: false,
      reason: `Seuls ${formatCoverage(coverage)} des achats sont localisés : il en faut au moins ${BADGE_MIN_COVERAGE} % pour produire le badge. Localisez les fournisseurs restants, les plus gros d'abord, ou écartez ceux qui ne relèvent pas de la mesure.`,
    };
  }
  return { eligible: true, reason: null };
}

export interface ComputeIbalOptions {
  period?: Period | null;
}

export function computeIbal(items: readonly IbalItem[], options: ComputeIbalOptions = {}): IbalResult {
  const zones = emptyZones();
  let ignored = 0;
  let unattributed = 0;
  let loireAtlantique = 0;
  const categories = new Map<string, Record<IbalZone | 'unlocated', number>>();
  const departments = new Map<string, { zone: IbalZone; amount: number }>();
  const rows: IbalSupplierRow[] = [];

  for (const item of items) {
    const loc = item.location;
    rows.push({
      key: item.key,
      name: item.name,
      kind: item.kind,
      amountCents: item.amountCents,
      zone: zoneOfItem(loc),
      status: loc ? loc.status : 'unlocated',
      department: loc?.department ?? null,
      country: loc?.country ?? null,
      method: loc?.method ?? null,
      confidence: loc?.confidence ?? 0,
      evidence: loc?.evidence ?? '',
    });
    if (loc?.status === 'ignored') {
      ignored += item.amountCents;
      continue;
    }
    if (item.kind === 'unattributed') unattributed += item.amountCents;
    const zone = zoneOfItem(loc) ?? 'unlocated';
    zones[zone] += item.amountCents;
    for (const [code, amount] of Object.entries(item.byCategory)) {
      let c = categories.get(code);
      if (!c) categories.set(code, (c = emptyZones()));
      c[zone] += amount;
    }
    if (zone !== 'unlocated' && loc?.department && (zone === 'bretagne' || zone === 'france')) {
      const d = departments.get(loc.department) ?? { zone, amount: 0 };
      d.amount += item.amountCents;
      departments.set(loc.department, d);
      if (loc.department === '44') loireAtlantique += item.amountCents;
    }
  }

  const located = zones.bretagne + zones.france + zones.europe + zones.world;
  const total = located + zones.unlocated;
  const pct = (part: number) => (located > 0 ? percentOf(part, located) : null);
  const coverage = total > 0 ? percentOf(located, total) : null;
  const period = options.period ?? null;

  const byCategory: IbalCategoryRow[] = [...categories]
    .map(([code, z]) => ({
      code,
      label: categoryLabel(code),
      totalCents: cents(z.bretagne + z.france + z.europe + z.world + z.unlocated),
      zones: toZoneCents(z),
    }))
    .filter((c) => c.totalCents !== 0)
    .sort((a, b) => b.totalCents - a.totalCents || a.code.localeCompare(b.code));
  const byDepartment: IbalDepartmentRow[] = [...departments]
    .map(([department, d]) => ({ department, zone: d.zone, amountCents: cents(d.amount) }))
    .sort((a, b) => b.amountCents - a.amountCents || a.department.localeCompare(b.department));

  return {
    method: IBAL_METHOD,
    period,
    year: period ? Number(period.to.slice(0, 4)) : null,
    totalCents: cents(total),
    locatedCents: cents(located),
    zones: toZoneCents(zones),
    index: {
      bretagne: pct(zones.bretagne),
      france: pct(zones.bretagne + zones.france),
      europe: pct(zones.bretagne + zones.france + zones.europe),
    },
    coverage,
    loireAtlantiqueCents: cents(loireAtlantique),
    unattributedCents: cents(unattributed),
    ignoredCents: cents(ignored),
    byCategory,
    byDepartment,
    bySupplier: rows.sort((a, b) => b.amountCents - a.amountCents || a.key.localeCompare(b.key)),
    badge: badgeEligibility(coverage, located),
  };
}

/** The items of a purchases result (suppliers, then unattributed groups) with their locations. */
export function ibalItems(
  purchases: Pick<PurchasesResult, 'suppliers' | 'unattributed'>,
  locationOf: (key: string) => SupplierLocation | null,
): IbalItem[] {
  return [
    ...purchases.suppliers.map((s) => ({
      key: s.key,
      name: s.name,
      kind: 'supplier' as const,
      amountCents: s.amountCents,
      byCategory: s.byCategory,
      location: locationOf(s.key),
    })),
    ...purchases.unattributed.map((g) => ({
      key: g.key,
      name: g.label,
      kind: 'unattributed' as const,
      amountCents: g.amountCents,
      byCategory: g.byCategory,
      location: locationOf(g.key),
    })),
  ];
}

/** Rounds a percentage for display, or "—" when it cannot be computed. */
export function displayPercent(value: number | null): string {
  return value === null ? '—' : formatPercent(value);
}
