// The suppliers (and groups of unattributed purchases) still to locate, largest spend first,
// each fixable in place: a postal code, a country, or "ignorer". Proposals (a legal form, a
// currency, a name in the directory) wait for a confirmation; homonyms in several zones are
// offered as choices, one by one. Answers are remembered in this browser.
import { useId, useMemo, useState, type FormEvent } from 'react';
import frCountries from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import { resolveCountry } from '../../../core/geo/index.ts';
import { euros, integer } from '../../components/ibal/format.ts';
import type { SupplierAnswer } from './answers-store.ts';

export interface ToLocate {
  key: string;
  name: string;
  kind: 'supplier' | 'unattributed';
  amountCents: number;
  /** A guess to confirm (legal form, currency, a close name in the directory): the answer it would give. */
  proposal: { answer: SupplierAnswer; label: string; evidence: string } | null;
  /** Homonyms of the directory in several zones: one of them to pick (never confirmed all at once). */
  choices: { answer: SupplierAnswer; label: string }[];
  /** Why it is not located yet, in French. */
  note: string;
  /** The user's remembered answer, when there is one (e.g. a postal code the server did not know). */
  answer: SupplierAnswer | null;
}

type CountryNames = Record<string, string | string[]>;
/** French country names for the suggestions of the country field (one list for the whole page). */
export const countryNames = Object.values((frCountries as { countries: CountryNames }).countries)
  .map((names) => (Array.isArray(names) ? (names[0] ?? '') : names))
  .filter((n) => n !== '' && n !== 'France')
  .sort((a, b) => a.localeCompare(b, 'fr'));
const countryListId = 'ibal-pays';

const pageSize = 25;

export function UnlocatedSuppliers({
  items,
  onAnswer,
  onAnswers,
  onForget,
}: {
  items: ToLocate[];
  onAnswer: (item: ToLocate, answer: SupplierAnswer) => void;
  /** Several answers at once (confirming every proposal). */
  onAnswers: (answers: { item: ToLocate; answer: SupplierAnswer }[]) => void;
  onForget: (item: ToLocate) => void;
}) {
  const [shown, setShown] = useState(pageSize);
  const total = useMemo(() => items.reduce((s, i) => s + i.amountCents, 0), [items]);
  const proposals = items.filter((i) => i.proposal !== null);
  const proposed = proposals.reduce((s, i) => s + i.amountCents, 0);
  if (items.length === 0) {
    return (
      <section aria-labelledby="a-localiser" className="panel">
        <h2 id="a-localiser">Fournisseurs à localiser</h2>
        <p>Tous les fournisseurs sont localisés ou écartés.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="a-localiser" className="panel">
      <h2 id="a-localiser">Fournisseurs à localiser</h2>
      <p>
        {integer(items.length)}{' '}
        {items.length > 1 ? 'fournisseurs ou groupes d’achats' : 'fournisseur ou groupe d’achats'} pour{' '}
        {euros(total)} n'ont pas pu être localisés. Indiquez un code postal (France) ou un pays, ou choisissez
        « Ignorer » pour les exclure du calcul (achats intragroupe, taxes…). Vos réponses sont gardées dans ce
        navigateur pour la prochaine fois ; seuls le nom et le code postal sont envoyés pour localiser.
      </p>
      {proposals.length > 1 ? (
        <p>
          {integer(proposals.length)} propositions (forme juridique, devise ou nom trouvé dans l'annuaire)
          portent sur {euros(proposed)}. Vérifiez-les ci-dessous, puis{' '}
          <button
            type="button"
            className="secondary small"
            onClick={() =>
              onAnswers(
                proposals.flatMap((item) => (item.proposal ? [{ item, answer: item.proposal.answer }] : [])),
              )
            }
          >
            confirmer les {integer(proposals.length)} propositions
          </button>
        </p>
      ) : null}
      <datalist id={countryListId}>
        {countryNames.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <ul className="to-locate">
        {items.slice(0, shown).map((item) => (
          <LocateRow key={item.key} item={item} onAnswer={onAnswer} onForget={onForget} />
        ))}
      </ul>
      {shown < items.length ? (
        <button type="button" className="secondary" onClick={() => setShown((n) => n + pageSize)}>
          Afficher {integer(Math.min(pageSize, items.length - shown))} de plus (sur{' '}
          {integer(items.length - shown)} restants)
        </button>
      ) : null}
    </section>
  );
}

function LocateRow({
  item,
  onAnswer,
  onForget,
}: {
  item: ToLocate;
  onAnswer: (item: ToLocate, answer: SupplierAnswer) => void;
  onForget: (item: ToLocate) => void;
}) {
  const id = useId();
  const [postalCode, setPostalCode] = useState(
    item.answer?.kind === 'postal-code' ? item.answer.postalCode : '',
  );
  const [country, setCountry] = useState(
    item.answer?.kind === 'country' ? (resolveCountry(item.answer.country)?.name ?? item.answer.country) : '',
  );
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cp = postalCode.trim();
    const typed = country.trim();
    const known = typed ? resolveCountry(typed) : undefined;
    if (typed && !known) {
      setError(
        `Pays « ${typed} » inconnu : choisissez-le dans la liste proposée (ex. Allemagne, Chine, Espagne).`,
      );
      return;
    }
    const foreign = known && known.alpha2 !== 'FR' ? known.alpha2 : '';
    if (cp && !/^\d{5}$/.test(cp.replace(/\s/g, '')) && !foreign) {
      setError(
        'Le code postal français compte 5 chiffres (ex. 29200). Pour un fournisseur étranger, choisissez son pays.',
      );
      return;
    }
    if (!cp && !foreign) {
      setError('Indiquez un code postal ou un pays, ou choisissez « Ignorer ».');
      return;
    }
    setError(null);
    onAnswer(
      item,
      cp
        ? { kind: 'postal-code', postalCode: cp.replace(/\s/g, ''), ...(country ? { country } : {}) }
        : { kind: 'country', country },
    );
  };

  return (
    <li className="locate-row">
      <form onSubmit={submit} aria-labelledby={`${id}-name`}>
        <p className="locate-head">
          <strong id={`${id}-name`}>{item.name}</strong>{' '}
          <span className="amount">{euros(item.amountCents)}</span>
          {item.kind === 'unattributed' ? <span className="tag">achats sans fournisseur</span> : null}
        </p>
        <p className="muted">{item.note}</p>
        {item.proposal ? (
          <p className="proposal">
            Proposition : <strong>{item.proposal.label}</strong> — {item.proposal.evidence}{' '}
            <button
              type="button"
              className="secondary small"
              onClick={() => item.proposal && onAnswer(item, item.proposal.answer)}
            >
              Confirmer : {item.proposal.label}
              <span className="visually-hidden"> pour {item.name}</span>
            </button>
          </p>
        ) : null}
        {item.choices.length > 0 ? (
          <div className="proposal">
            <p id={`${id}-choices`}>Laquelle de ces entreprises est votre fournisseur ?</p>
            <ul className="choices" aria-labelledby={`${id}-choices`}>
              {item.choices.map((choice) => (
                <li key={choice.label}>
                  <button
                    type="button"
                    className="secondary small"
                    onClick={() => onAnswer(item, choice.answer)}
                  >
                    {choice.label}
                    <span className="visually-hidden"> pour {item.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="locate-fields">
          <div>
            <label htmlFor={`${id}-cp`}>Code postal</label>
            <input
              id={`${id}-cp`}
              inputMode="numeric"
              autoComplete="off"
              size={8}
              value={postalCode}
              onChange={(e) => setPostalCode(e.currentTarget.value)}
              {...(error ? { 'aria-invalid': true, 'aria-describedby': `${id}-err` } : {})}
            />
          </div>
          <div>
            <label htmlFor={`${id}-country`}>ou pays (hors France)</label>
            <input
              id={`${id}-country`}
              list={countryListId}
              autoComplete="off"
              size={16}
              value={country}
              onChange={(e) => setCountry(e.currentTarget.value)}
            />
          </div>
          <button type="submit">
            Localiser<span className="visually-hidden"> {item.name}</span>
          </button>
          <button type="button" className="secondary" onClick={() => onAnswer(item, { kind: 'ignore' })}>
            Ignorer<span className="visually-hidden"> {item.name}</span>
          </button>
          {item.answer ? (
            <button type="button" className="link" onClick={() => onForget(item)}>
              Oublier ma réponse<span className="visually-hidden"> pour {item.name}</span>
            </button>
          ) : null}
        </div>
        {error ? (
          <p id={`${id}-err`} className="error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </li>
  );
}
