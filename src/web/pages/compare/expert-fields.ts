// Expert mode: every input of the model (TCO-MODEL.md), grouped as in the results. Paths are
// inside an offer (or inside `common`); `percent` shows a fraction as a percentage.
import type { Uncertain } from '../../../core/tco/index.ts';

export interface FieldDef {
  path: readonly string[];
  label: string;
  unit?: string;
  percent?: boolean;
  hint?: string;
}

export interface FieldGroup {
  key: string;
  title: string;
  fields: FieldDef[];
}

export const commonFields: FieldDef[] = [
  { path: ['annualVolume'], label: 'Volume annuel (Q)', unit: 'unités/an' },
  { path: ['unitWeightKg'], label: 'Masse d’une unité', unit: 'kg' },
  { path: ['productLifeYears'], label: 'Durée de vie du produit', unit: 'ans', hint: 'Défaut 5 ans.' },
  {
    path: ['carryingRate'],
    label: 'Taux de possession du stock (r)',
    percent: true,
    hint: 'Défaut 25 % par an (usuel 20–30 %).',
  },
  { path: ['discountRate'], label: 'Taux d’actualisation', percent: true, hint: 'Défaut 8 %.' },
  { path: ['demandCv'], label: 'Variabilité de la demande hebdomadaire (σ/moyenne)', hint: 'Défaut 0,3.' },
  { path: ['carbonPrice'], label: 'Prix du carbone', unit: '€/tCO2e' },
];

export const offerGroups: FieldGroup[] = [
  {
    key: 'landed',
    title: 'Coût rendu (A)',
    fields: [
      {
        path: ['fxToEur'],
        label: 'Taux de change (€ pour 1 unité de devise)',
        hint: 'Défaut : taux de référence BCE.',
      },
      { path: ['landed', 'toolingNre'], label: 'Outillage / frais non récurrents', unit: '€' },
      { path: ['landed', 'toolingLifeYears'], label: 'Amortissement de l’outillage', unit: 'ans' },
      { path: ['landed', 'packagingPerUnit'], label: 'Emballage', unit: '€/unité' },
      { path: ['landed', 'shipmentsPerYear'], label: 'Envois par an (n)', unit: 'envois/an' },
      { path: ['landed', 'freightPerShipment'], label: 'Fret principal par envoi', unit: '€/envoi' },
      { path: ['landed', 'freightPerKg'], label: 'Fret principal au kilo (groupage)', unit: '€/kg' },
      {
        path: ['landed', 'inlandPerShipment'],
        label: 'Pré- et post-acheminement par envoi',
        unit: '€/envoi',
      },
      { path: ['landed', 'airShare'], label: 'Part expédiée par avion', percent: true },
      { path: ['landed', 'airCostPerUnit'], label: 'Surcoût par unité expédiée par avion', unit: '€/unité' },
      {
        path: ['landed', 'insuranceRate'],
        label: 'Assurance transport',
        percent: true,
        hint: 'Défaut 0,5 %.',
      },
      { path: ['landed', 'dutyRate'], label: 'Droit de douane (TARIC)', percent: true },
      { path: ['landed', 'antiDumpingRate'], label: 'Droit antidumping', percent: true },
      { path: ['landed', 'brokerFeeRate'], label: 'Commission du transitaire', percent: true },
      { path: ['landed', 'brokerFeePerShipment'], label: 'Frais de dédouanement par envoi', unit: '€/envoi' },
      {
        path: ['landed', 'cbam', 'embeddedTco2ePerTonne'],
        label: 'MACF : émissions intrinsèques',
        unit: 'tCO2e/t',
      },
      {
        path: ['landed', 'cbam', 'carbonPricePaidAbroad'],
        label: 'MACF : prix du carbone payé à l’origine',
        unit: '€/tCO2e',
      },
    ],
  },
  {
    key: 'stock',
    title: 'Stock et trésorerie (B)',
    fields: [
      { path: ['stock', 'productionWeeks'], label: 'Délai de fabrication', unit: 'semaines' },
      {
        path: ['stock', 'transitDays'],
        label: 'Transit porte à porte',
        unit: 'jours',
        hint: 'Défaut mer : 45 j (Suez), 60 j (Cap).',
      },
      { path: ['stock', 'transitSigmaDays'], label: 'Écart type du transit', unit: 'jours' },
      { path: ['stock', 'depositShare'], label: 'Acompte à la commande', percent: true },
      { path: ['stock', 'daysPaymentToReceipt'], label: 'Jours entre paiement et réception', unit: 'jours' },
      {
        path: ['stock', 'obsolescenceUnits'],
        label: 'Unités mises au rebut sur la vie du produit',
        unit: 'unités',
      },
      { path: ['stock', 'warehousingPerUnit'], label: 'Stockage / manutention', unit: '€/unité' },
    ],
  },
  {
    key: 'quality',
    title: 'Qualité et gestion (C)',
    fields: [
      { path: ['quality', 'defectRate'], label: 'Taux de défauts', percent: true },
      { path: ['quality', 'costPerDefect'], label: 'Coût d’un défaut', unit: '€' },
      { path: ['quality', 'inspectionPerUnit'], label: 'Contrôle par unité', unit: '€/unité' },
      {
        path: ['quality', 'tripsPerYear'],
        label: 'Déplacements (audits, qualification) par an',
        unit: 'par an',
      },
      { path: ['quality', 'costPerTrip'], label: 'Coût d’un déplacement', unit: '€' },
      {
        path: ['quality', 'managementHoursPerYear'],
        label: 'Heures de gestion du fournisseur',
        unit: 'h/an',
      },
      { path: ['quality', 'hourlyRate'], label: 'Coût horaire', unit: '€/h' },
      { path: ['quality', 'warrantyRate'], label: 'Garantie / responsabilité', percent: true },
    ],
  },
  {
    key: 'risk',
    title: 'Risques (D)',
    fields: [
      {
        path: ['risk', 'disruptionProbability'],
        label: 'Probabilité d’une rupture dans l’année',
        percent: true,
      },
      {
        path: ['risk', 'disruptionImpact'],
        label: 'Impact d’une rupture (marge perdue, urgences, arrêt)',
        unit: '€',
      },
      {
        path: ['risk', 'leadTimeCostPerWeek'],
        label: 'Coût d’une semaine de délai en plus',
        percent: true,
        hint: 'Blackburn : 0,4 à 0,8 % du coût unitaire par semaine.',
      },
      { path: ['risk', 'fxBufferRate'], label: 'Provision de change', percent: true },
      { path: ['risk', 'ipRiskRate'], label: 'Risque propriété intellectuelle', percent: true },
      {
        path: ['risk', 'tradePolicyProbability'],
        label: 'Probabilité d’un changement de politique commerciale',
        percent: true,
      },
      { path: ['risk', 'tradePolicyDutyDelta'], label: 'Hausse de droit si changement', percent: true },
      { path: ['risk', 'escalationRate'], label: 'Hausse annuelle du prix (g)', percent: true },
    ],
  },
  {
    key: 'strategic',
    title: 'Stratégique (E1)',
    fields: [
      {
        path: ['strategic', 'innovationRate'],
        label: 'Innovation / délai de mise sur le marché',
        percent: true,
      },
    ],
  },
  {
    key: 'carbon',
    title: 'Carbone (E2, E3)',
    fields: [
      {
        path: ['transport', 'preCarriageKm'],
        label: 'Pré-acheminement (distance calculée si vide)',
        unit: 'km',
      },
      { path: ['transport', 'mainKm'], label: 'Trajet principal (distance calculée si vide)', unit: 'km' },
      {
        path: ['transport', 'onCarriageKm'],
        label: 'Post-acheminement (distance calculée si vide)',
        unit: 'km',
      },
      { path: ['carbon', 'embodiedTco2ePerTonne'], label: 'Carbone intrinsèque du produit', unit: 'tCO2e/t' },
    ],
  },
];

/** Reads a nested value. */
export function getPath(obj: unknown, path: readonly string[]): Uncertain | undefined {
  let cur: unknown = obj;
  for (const key of path) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur as Uncertain | undefined;
}

/** Returns a copy of `obj` with the value at `path` set (or removed when undefined). */
export function setPath<T extends object>(obj: T, path: readonly string[], value: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined) return obj;
  const copy = { ...(obj as Record<string, unknown>) };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
  } else {
    const child = copy[head];
    copy[head] = setPath(child && typeof child === 'object' ? child : {}, rest, value);
  }
  return copy as T;
}

/** Label of a scenario path such as 'offers.far.landed.freightPerShipment' or 'common.carryingRate'. */
export function labelOfPath(scenario: { offers: { id: string; name: string }[] }, path: string): string {
  const parts = path.split('.');
  if (parts[0] === 'common') {
    return commonFields.find((f) => f.path.join('.') === parts.slice(1).join('.'))?.label ?? path;
  }
  if (parts[0] === 'offers') {
    const offer = scenario.offers.find((o) => o.id === parts[1]);
    const rest = parts.slice(2).join('.');
    const field = offerGroups.flatMap((g) => g.fields).find((f) => f.path.join('.') === rest);
    return `${field?.label ?? rest} (${offer?.name ?? parts[1]})`;
  }
  return path;
}

/** Whether a path's value is shown as a percentage. */
export function isPercentPath(path: string): boolean {
  const rest = path
    .split('.')
    .slice(path.startsWith('offers.') ? 2 : 1)
    .join('.');
  return [...commonFields, ...offerGroups.flatMap((g) => g.fields)].some(
    (f) => f.path.join('.') === rest && f.percent,
  );
}

/** The value at a scenario path such as 'offers.far.landed.freightPerShipment' (offers by id). */
export function valueAtPath(
  scenario: { common: object; offers: { id: string }[] },
  path: string,
): Uncertain | undefined {
  const [head, id, ...rest] = path.split('.');
  if (head === 'offers')
    return getPath(
      scenario.offers.find((o) => o.id === id),
      rest,
    );
  if (head === 'common') return getPath(scenario.common, [id ?? '', ...rest]);
  return undefined;
}
