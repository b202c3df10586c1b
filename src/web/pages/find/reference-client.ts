// Reference data the filters need, from /api/v1/reference/*: the NAF rev. 2 tree and the
// commune / EPCI suggestions. Loaded once per page session (the NAF tree is static).
import {
  communesResponseSchema,
  nafTreeResponseSchema,
  type NafTreeResponse,
} from '../../../api/reference.ts';
import { getJson } from '../../api-client.ts';
import { matchEpcis } from './breton-epci.ts';

export type NafLevel = 'section' | 'division' | 'group' | 'class' | 'subclass';
export interface NafNode {
  code: string;
  label: string;
  level: NafLevel;
  parent: string | null;
}

export const nafLevels: { level: NafLevel; label: string; all: string }[] = [
  { level: 'section', label: 'Section d’activité (NAF)', all: 'Toutes les activités' },
  { level: 'division', label: 'Division', all: 'Toutes les divisions' },
  { level: 'group', label: 'Groupe', all: 'Tous les groupes' },
  { level: 'class', label: 'Classe', all: 'Toutes les classes' },
  { level: 'subclass', label: 'Sous-classe', all: 'Toutes les sous-classes' },
];

let nafTree: Promise<NafNode[]> | null = null;

/** Flattens the API's nested tree into nodes with their parent. */
export function flattenNafTree(tree: NafTreeResponse): NafNode[] {
  const nodes: NafNode[] = [];
  for (const s of tree.sections) {
    nodes.push({ code: s.code, label: s.label, level: 'section', parent: null });
    for (const d of s.divisions) {
      nodes.push({ code: d.code, label: d.label, level: 'division', parent: s.code });
      for (const g of d.groups) {
        nodes.push({ code: g.code, label: g.label, level: 'group', parent: d.code });
        for (const c of g.classes) {
          nodes.push({ code: c.code, label: c.label, level: 'class', parent: g.code });
          for (const sc of c.subclasses)
            nodes.push({ code: sc.code, label: sc.label, level: 'subclass', parent: c.code });
        }
      }
    }
  }
  return nodes;
}

export function loadNafTree(): Promise<NafNode[]> {
  nafTree ??= getJson('/api/v1/reference/naf', { schema: nafTreeResponseSchema })
    .then(flattenNafTree)
    .catch((err: unknown) => {
      nafTree = null;
      throw err;
    });
  return nafTree;
}

/** The chain of codes from the section down to `code` (e.g. C → 25 → 25.6 → 25.62 → 25.62B). */
export function nafPath(tree: NafNode[], code: string | null): NafNode[] {
  const byCode = new Map(tree.map((n) => [n.code, n]));
  const path: NafNode[] = [];
  let node = code ? byCode.get(code) : undefined;
  while (node) {
    path.unshift(node);
    node = node.parent ? byCode.get(node.parent) : undefined;
  }
  return path;
}

export interface PlaceSuggestion {
  kind: 'commune' | 'epci';
  code: string;
  /** « Brest (29) », « Brest Métropole ». */
  label: string;
  /** Extra words read after the label: postal codes, population, number of communes. */
  detail: string;
}

const population = new Intl.NumberFormat('fr-FR');

/**
 * Communes matching a name or a postal code (reference API), then the Breton EPCI whose name matches
 * (local list, the reference API has no EPCI search).
 */
export async function suggestPlaces(q: string, signal?: AbortSignal): Promise<PlaceSuggestion[]> {
  const r = await getJson(`/api/v1/reference/communes?q=${encodeURIComponent(q)}&limit=8`, {
    schema: communesResponseSchema,
    signal,
  });
  const communes = r.items.map((c) => ({
    kind: 'commune' as const,
    code: c.code,
    label: `${c.name} (${c.department.code})`,
    detail: [
      c.postalCodes.slice(0, 3).join(', ') + (c.postalCodes.length > 3 ? '…' : ''),
      c.population !== null ? `${population.format(c.population)} habitants` : '',
    ]
      .filter(Boolean)
      .join(', '),
  }));
  const epcis = matchEpcis(q).map((e) => ({
    kind: 'epci' as const,
    code: e.code,
    label: e.name,
    detail: `intercommunalité de ${e.communes} communes`,
  }));
  return [...communes, ...epcis];
}
