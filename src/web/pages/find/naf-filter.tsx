// NAF rev. 2 filter as cascading selects: section → division → groupe → classe → sous-classe, each
// with its labels; a level appears once the level above is chosen. Keyboard and screen-reader
// friendly by construction (native selects with labels).
import { useEffect, useId, useState } from 'react';
import type { Facets } from '../../../api/establishments.ts';
import { formatCount } from './format.ts';
import { loadNafTree, nafLevels, nafPath, type NafNode } from './reference-client.ts';

export interface NafFilterProps {
  section: string | null;
  naf: string | null;
  sectionFacet: Facets['section'] | undefined;
  onChange: (value: { section: string | null; naf: string | null }) => void;
}

export function NafFilter({ section, naf, sectionFacet, onChange }: NafFilterProps) {
  const id = useId();
  const [tree, setTree] = useState<NafNode[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadNafTree().then(
      (t) => live && setTree(t),
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, []);

  if (error) return <p className="error">Nomenclature NAF indisponible : {error}</p>;
  if (!tree) return <p>Chargement de la nomenclature NAF…</p>;

  const chain = naf ? nafPath(tree, naf) : section ? nafPath(tree, section) : [];
  const counts = new Map((sectionFacet ?? []).map((f) => [f.value, f.count]));

  const choose = (depth: number, code: string) => {
    const kept = chain.slice(0, depth).map((n) => n.code);
    if (code) kept.push(code);
    onChange({ section: kept[0] ?? null, naf: kept.length > 1 ? (kept[kept.length - 1] ?? null) : null });
  };

  const levels = nafLevels.slice(0, Math.min(chain.length + 1, nafLevels.length));
  return (
    <div className="naf-filter">
      {levels.map(({ level, label, all }, depth) => {
        const parent = depth === 0 ? null : (chain[depth - 1]?.code ?? null);
        const options = tree.filter((n) => n.level === level && n.parent === parent);
        if (options.length === 0) return null;
        const selectId = `${id}-${level}`;
        return (
          <div className="field" key={level}>
            <label htmlFor={selectId}>{label}</label>
            <select
              id={selectId}
              value={chain[depth]?.code ?? ''}
              onChange={(e) => choose(depth, e.target.value)}
            >
              <option value="">{all}</option>
              {options.map((n) => {
                const count = depth === 0 ? counts.get(n.code) : undefined;
                return (
                  <option key={n.code} value={n.code}>
                    {n.code} — {n.label}
                    {count !== undefined ? ` (${formatCount(count)})` : ''}
                  </option>
                );
              })}
            </select>
          </div>
        );
      })}
    </div>
  );
}
