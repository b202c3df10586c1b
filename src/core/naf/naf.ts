// NAF rev. 2: codes, labels, ancestors and the tree for a filter UI. Labels of divisions,
// groups, classes and sub-classes from @socialgouv/codes-naf 1.1.1 (Apache-2.0, INSEE data),
// sections from ./sections.ts. About 150 KB: fine in the browser, and independent of the
// geography data.
import codes from '@socialgouv/codes-naf/index.json' with { type: 'json' };
import { NAF_SECTIONS } from './sections.ts';

export type NafLevel = 'section' | 'division' | 'group' | 'class' | 'subclass';

export interface NafNode {
  /** `C`, `25`, `25.6`, `25.62`, `25.62B`. */
  code: string;
  label: string;
  level: NafLevel;
  children: NafNode[];
}

export interface NafEntry {
  code: string;
  label: string;
  level: NafLevel;
}

const levelOfLength: Record<number, NafLevel> = { 2: 'division', 4: 'group', 5: 'class', 6: 'subclass' };

const labels = new Map<string, NafEntry>();
for (const s of NAF_SECTIONS.value) labels.set(s.code, { code: s.code, label: s.label, level: 'section' });
for (const { id, label } of codes as { id: string; label: string }[]) {
  const level = levelOfLength[id.length];
  if (level) labels.set(id, { code: id, label, level });
}

/** The section letter of a division (`25` → `C`). */
export function sectionOfDivision(division: string): string | undefined {
  return NAF_SECTIONS.value.find((s) => division >= s.divisions[0] && division <= s.divisions[1])?.code;
}

/**
 * Normalises a NAF code as people and files write it: `2562B`, `25.62B`, `25.62b`, ` 25 62 B`
 * → `25.62B`; also `25`, `256`/`25.6`, `2562`/`25.62`, and a section letter `c` → `C`.
 * Returns undefined when the text cannot be a NAF code (it does not check that the code exists).
 */
export function normaliseNafCode(raw: string): string | undefined {
  const v = raw.trim().toUpperCase().replace(/[\s.]/g, '');
  if (/^[A-U]$/.test(v)) return v;
  const m = /^(\d{2})(\d)?(\d)?([A-Z])?$/.exec(v);
  if (!m) return undefined;
  const [, division, group, klass, letter] = m;
  if (letter && !klass) return undefined;
  if (!group) return division;
  return `${division}.${group}${klass ?? ''}${letter ?? ''}`;
}

/** The entry (code, label, level) of a NAF code in any of the accepted spellings. */
export function nafEntry(raw: string): NafEntry | undefined {
  const code = normaliseNafCode(raw);
  return code ? labels.get(code) : undefined;
}

/** The French label of a NAF code, e.g. `2562B` → « Mécanique industrielle ». */
export function nafLabel(raw: string): string | undefined {
  return nafEntry(raw)?.label;
}

/** Parent code: sub-class → class → group → division → section. */
function parentOf(entry: NafEntry): string | undefined {
  switch (entry.level) {
    case 'subclass':
      return entry.code.slice(0, 5);
    case 'class':
      return entry.code.slice(0, 4);
    case 'group':
      return entry.code.slice(0, 2);
    case 'division':
      return sectionOfDivision(entry.code);
    case 'section':
      return undefined;
  }
}

/** From the code itself up to its section: `25.62B` → 25.62B, 25.62, 25.6, 25, C. */
export function nafAncestors(raw: string): NafEntry[] {
  const chain: NafEntry[] = [];
  for (let entry = nafEntry(raw); entry;) {
    chain.push(entry);
    const parent = parentOf(entry);
    entry = parent ? labels.get(parent) : undefined;
  }
  return chain;
}

let tree: NafNode[] | undefined;

/** The whole tree, sections → divisions → groups → classes → sub-classes (built once). */
export function nafTree(): NafNode[] {
  if (tree) return tree;
  const nodes = new Map<string, NafNode>();
  const roots: NafNode[] = NAF_SECTIONS.value.map((s) => {
    const node: NafNode = { code: s.code, label: s.label, level: 'section', children: [] };
    nodes.set(s.code, node);
    return node;
  });
  for (const entry of labels.values()) {
    if (entry.level === 'section') continue;
    const node: NafNode = { ...entry, children: [] };
    nodes.set(entry.code, node);
    const parentCode = parentOf(entry);
    const parent = parentCode ? nodes.get(parentCode) : undefined;
    parent?.children.push(node);
  }
  tree = roots;
  return roots;
}
