// Commune or EPCI picker following the WAI-ARIA 1.2 combobox pattern (list autocomplete):
// typing asks the server for suggestions, ↓/↑ move through them, Entrée chooses, Échap closes,
// the number of suggestions is announced.
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { isAbort } from '../../api-client.ts';
import { suggestPlaces, type PlaceSuggestion } from './reference-client.ts';

export interface PlaceComboboxProps {
  /** Label of the current choice, shown in the input. */
  value: string;
  onSelect: (place: PlaceSuggestion | null) => void;
  label: string;
  hint?: string;
  /** Injected in tests; defaults to the API. */
  suggest?: (q: string, signal: AbortSignal) => Promise<PlaceSuggestion[]>;
}

export function PlaceCombobox({ value, onSelect, label, hint, suggest = suggestPlaces }: PlaceComboboxProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const [items, setItems] = useState<PlaceSuggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [message, setMessage] = useState('');
  const [typed, setTyped] = useState(false);

  // The choice may change from outside (back button, « Effacer les filtres »): adjust during render.
  const [shownValue, setShownValue] = useState(value);
  if (shownValue !== value) {
    setShownValue(value);
    setText(value);
    setTyped(false);
  }

  useEffect(() => {
    const q = text.trim();
    if (!typed || q.length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      suggest(q, controller.signal).then(
        (found) => {
          setItems(found);
          setActive(-1);
          setOpen(true);
          setMessage(
            found.length === 0
              ? 'Aucune commune ni intercommunalité trouvée.'
              : `${found.length} suggestion${found.length > 1 ? 's' : ''} : flèches haut et bas pour choisir.`,
          );
        },
        (err: unknown) => {
          if (isAbort(err)) return;
          setItems([]);
          setOpen(false);
          setMessage(`Suggestions indisponibles : ${err instanceof Error ? err.message : String(err)}`);
        },
      );
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, typed, suggest]);

  const choose = (item: PlaceSuggestion) => {
    setTyped(false);
    setText(item.label);
    setOpen(false);
    setItems([]);
    setMessage('');
    onSelect(item);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && items.length > 0) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a + 1) % items.length);
    } else if (e.key === 'ArrowUp' && items.length > 0) {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (a <= 0 ? items.length - 1 : a - 1));
    } else if (e.key === 'Enter' && open && active >= 0) {
      e.preventDefault();
      const item = items[active];
      if (item) choose(item);
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        setOpen(false);
      } else if (text) {
        setText('');
      }
    }
  };

  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const expanded = open && items.length > 0;
  return (
    <div className="combobox field">
      <label htmlFor={`${id}-input`}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <div className="combobox-row">
        <input
          id={`${id}-input`}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-describedby={hint ? hintId : undefined}
          aria-activedescendant={expanded && active >= 0 ? `${id}-opt-${active}` : undefined}
          value={text}
          onChange={(e) => {
            setTyped(true);
            setText(e.target.value);
            if (e.target.value.trim().length < 2) {
              setItems([]);
              setOpen(false);
              setMessage('');
            }
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
        />
        {value ? (
          <button
            type="button"
            className="secondary small"
            onClick={() => {
              setText('');
              onSelect(null);
            }}
          >
            Retirer<span className="visually-hidden"> le lieu {value}</span>
          </button>
        ) : null}
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label={`Suggestions : ${label}`}
        hidden={!expanded}
        className="combobox-list"
      >
        {items.map((item, i) => (
          <li
            key={`${item.kind}-${item.code}`}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(item);
            }}
          >
            {item.label}
            {item.detail ? <span className="hint"> — {item.detail}</span> : null}
          </li>
        ))}
      </ul>
      <p className="visually-hidden" role="status" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
