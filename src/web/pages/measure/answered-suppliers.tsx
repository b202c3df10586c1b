// The answers remembered in this browser that apply to this file, each with a way to forget
// it (the supplier then goes back to the list to locate).
import type { IbalSupplierRow } from '../../../core/ibal/index.ts';
import { euros, integer } from '../../components/ibal/format.ts';

export function AnsweredSuppliers({
  rows,
  onForget,
  onForgetAll,
}: {
  rows: IbalSupplierRow[];
  onForget: (row: IbalSupplierRow) => void;
  onForgetAll: () => void;
}) {
  const answered = rows.filter((r) => r.method === 'user');
  if (answered.length === 0) return null;
  return (
    <details className="panel no-print">
      <summary>
        {integer(answered.length)} {answered.length > 1 ? 'réponses enregistrées' : 'réponse enregistrée'}{' '}
        dans ce navigateur s'appliquent à ce fichier
      </summary>
      <ul className="answered">
        {answered.map((r) => (
          <li key={r.key}>
            <strong>{r.name}</strong> ({euros(r.amountCents)}) : {r.evidence}{' '}
            <button type="button" className="link" onClick={() => onForget(r)}>
              Oublier<span className="visually-hidden"> la réponse pour {r.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="secondary" onClick={onForgetAll}>
        Oublier toutes mes réponses
      </button>
    </details>
  );
}
