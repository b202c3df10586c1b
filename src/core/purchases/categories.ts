// Purchase categories: the 3-digit accounts of the Plan comptable général (PCG).
// Source: Autorité des normes comptables, règlement ANC n° 2014-03 relatif au plan comptable
// général (version consolidée au 1er janvier 2025), liste des comptes, classes 2 and 6.
// As of 2026-11-26; review by 2027-12-31 (the ANC amends the list from time to time).
import type { PurchaseCategory } from './types.ts';

export const pcgCategoriesSource = {
  source: 'ANC, règlement n° 2014-03 relatif au plan comptable général, liste des comptes (consolidé 2025)',
  asOf: '2026-11-26',
  reviewBy: '2027-12-31',
} as const;

const labels: Record<string, string> = {
  '601': 'Achats stockés – matières premières et fournitures',
  '602': 'Achats stockés – autres approvisionnements',
  '603': 'Variation des stocks',
  '604': "Achats d'études et prestations de services",
  '605': 'Achats de matériel, équipements et travaux',
  '606': 'Achats non stockés de matières et fournitures',
  '607': 'Achats de marchandises',
  '608': 'Frais accessoires incorporés aux achats',
  '609': 'Rabais, remises et ristournes obtenus sur achats',
  '611': 'Sous-traitance générale',
  '612': 'Redevances de crédit-bail',
  '613': 'Locations',
  '614': 'Charges locatives et de copropriété',
  '615': 'Entretien et réparations',
  '616': "Primes d'assurances",
  '617': 'Études et recherches',
  '618': 'Divers (documentation, colloques, séminaires)',
  '619': 'Rabais, remises et ristournes obtenus sur services extérieurs',
  '621': "Personnel extérieur à l'entité",
  '622': "Rémunérations d'intermédiaires et honoraires",
  '623': 'Publicité, publications, relations publiques',
  '624': 'Transports de biens et transports collectifs du personnel',
  '625': 'Déplacements, missions et réceptions',
  '626': 'Frais postaux et de télécommunications',
  '627': 'Services bancaires et assimilés',
  '628': 'Divers (cotisations, frais de recrutement...)',
  '629': 'Rabais, remises et ristournes obtenus sur autres services extérieurs',
  '651': 'Redevances pour concessions, brevets, licences, logiciels et droits similaires',
  '201': "Frais d'établissement",
  '203': 'Frais de développement',
  '205': 'Concessions, brevets, licences, marques, logiciels',
  '206': 'Droit au bail',
  '207': 'Fonds commercial',
  '208': 'Autres immobilisations incorporelles',
  '211': 'Terrains',
  '212': 'Agencements et aménagements de terrains',
  '213': 'Constructions',
  '214': "Constructions sur sol d'autrui",
  '215': 'Installations techniques, matériel et outillage industriels',
  '218': 'Autres immobilisations corporelles',
};

const classLabels: Record<string, string> = {
  '60': 'Achats',
  '61': 'Services extérieurs',
  '62': 'Autres services extérieurs',
  '65': 'Autres charges de gestion courante',
  '20': 'Immobilisations incorporelles',
  '21': 'Immobilisations corporelles',
};

/** Category code of an account: its first three digits ('6011000' → '601'). */
export function categoryCode(account: string): string {
  return account.slice(0, 3);
}

/** French label of a 3-digit category (falls back to the 2-digit class label). */
export function categoryLabel(code: string): string {
  if (code === 'nc') return 'Non classé (liste de fournisseurs sans compte)';
  return labels[code] ?? classLabels[code.slice(0, 2)] ?? `Compte ${code}`;
}

export function category(code: string): PurchaseCategory {
  return { code, label: categoryLabel(code) };
}

/** Every known category, for legends and filters. */
export const pcgCategories: readonly PurchaseCategory[] = Object.keys(labels).map(category);
