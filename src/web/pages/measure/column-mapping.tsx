// For a supplier list whose headers were not recognised (or to correct them): which column
// holds the name, the amount, the SIRET, the postal code... then the list is read again.
import { useId, useState, type FormEvent } from 'react';
import {
  listFieldLabels,
  listFields,
  type ColumnMapping,
  type ListField,
  type MappingOverride,
} from '../../../core/suppliers/index.ts';

export function ColumnMappingForm({
  headers,
  current,
  onSubmit,
}: {
  headers: string[];
  current: ColumnMapping | null;
  onSubmit: (mapping: MappingOverride) => void;
}) {
  const id = useId();
  const [choice, setChoice] = useState<Record<ListField, string>>(
    () =>
      Object.fromEntries(
        listFields.map((f) => [
          f,
          current?.[f] === null || current?.[f] === undefined ? '' : String(current[f]),
        ]),
      ) as Record<ListField, string>,
  );
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (choice.name === '' || choice.amount === '') {
      setError('Choisissez au moins la colonne du fournisseur et celle du montant.');
      return;
    }
    setError(null);
    onSubmit(
      Object.fromEntries(
        listFields.map((f) => [f, choice[f] === '' ? null : Number(choice[f])]),
      ) as MappingOverride,
    );
  };
  return (
    <form onSubmit={submit} className="column-mapping" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Correspondance des colonnes</h3>
      <div className="mapping-fields">
        {listFields.map((field) => (
          <div key={field}>
            <label htmlFor={`${id}-${field}`}>
              {listFieldLabels[field]}
              {field === 'name' || field === 'amount' ? ' (obligatoire)' : ''}
            </label>
            <select
              id={`${id}-${field}`}
              value={choice[field]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setChoice((c) => ({ ...c, [field]: value }));
              }}
            >
              <option value="">— aucune —</option>
              {headers.map((h, i) => (
                <option key={i} value={String(i)}>
                  {h || `Colonne ${i + 1}`}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit">Relire la liste avec ces colonnes</button>
    </form>
  );
}
