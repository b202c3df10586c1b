// One scenario input: a single value, or low / likely / high when the buyer is unsure.
// Text inputs with inputMode="decimal" accept the French comma; the typed text is kept
// as is while the parsed number flows up, so typing is never interrupted.
import { useId, useState, type ReactNode } from 'react';
import { parseFrenchNumber, type Uncertain } from '../../../core/tco/index.ts';
import { formatForInput, isRange, likelyOf, rangeProblem, scaleUncertain } from './number-input.ts';

interface Props {
  label: string;
  unit?: string;
  value: Uncertain | undefined;
  onChange: (v: Uncertain | undefined) => void;
  /** Shows a fraction as a percentage (0.035 ↔ "3,5"). */
  percent?: boolean;
  /** Default value and its source, shown under the input. */
  hint?: ReactNode;
  required?: boolean;
  min?: number;
  /** Form name of the input. */
  name?: string;
  /** False for an input that only takes a single value. */
  allowRange?: boolean;
}

type Texts = { low: string; likely: string; high: string };

function toTexts(v: Uncertain | undefined, k: number): Texts {
  if (v === undefined) return { low: '', likely: '', high: '' };
  const s = scaleUncertain(v, k);
  if (typeof s === 'number') return { low: '', likely: formatForInput(s), high: '' };
  return { low: formatForInput(s.low), likely: formatForInput(s.likely), high: formatForInput(s.high) };
}

export function UncertainField({
  label,
  unit,
  value,
  onChange,
  percent,
  hint,
  required,
  min = 0,
  name,
  allowRange = true,
}: Props) {
  const id = useId();
  const k = percent ? 100 : 1;
  const [ranged, setRanged] = useState(isRange(value));
  const [texts, setTexts] = useState<Texts>(() => toTexts(value, k));
  const [error, setError] = useState<string | null>(null);
  const shownUnit = percent ? '%' : unit;

  function commit(next: Texts, asRange: boolean) {
    setTexts(next);
    // Empty → null; not a number → NaN (the core's reader returns null for both).
    const parse = (t: string) => (t.trim() === '' ? null : (parseFrenchNumber(t) ?? NaN));
    const likely = parse(next.likely);
    if (likely === null) {
      setError(required ? 'Valeur obligatoire.' : null);
      if (!required) onChange(undefined);
      return;
    }
    const bad = (v: number | null) => v !== null && (Number.isNaN(v) || v < min);
    if (bad(likely) || (asRange && (bad(parse(next.low)) || bad(parse(next.high))))) {
      setError(`Saisissez un nombre${min === 0 ? ' positif ou nul' : ''}, par exemple 4,2.`);
      return;
    }
    if (!asRange) {
      setError(null);
      onChange(likely / k);
      return;
    }
    const low = parse(next.low) ?? likely;
    const high = parse(next.high) ?? likely;
    const problem = rangeProblem({ low, likely, high });
    setError(problem);
    if (!problem) onChange(scaleUncertain({ low, likely, high }, 1 / k));
  }

  function toggleRange() {
    const asRange = !ranged;
    setRanged(asRange);
    if (asRange) {
      commit({ low: texts.likely, likely: texts.likely, high: texts.likely }, true);
    } else {
      const likely = likelyOf(value);
      commit(
        { low: '', likely: likely === undefined ? texts.likely : formatForInput(likely * k), high: '' },
        false,
      );
    }
  }

  const errorId = `${id}-err`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const input = (part: keyof Texts, text: string, inputLabel: string) => (
    <span className="uf-part">
      <label htmlFor={`${id}-${part}`} className={ranged ? 'uf-sub' : undefined}>
        {inputLabel}
        {shownUnit && !ranged ? <span className="uf-unit"> ({shownUnit})</span> : null}
        {required && !ranged ? <span aria-hidden="true"> *</span> : null}
      </label>
      <input
        id={`${id}-${part}`}
        name={name ? `${name}${ranged ? `-${part}` : ''}` : undefined}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        required={required && part === 'likely'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => commit({ ...texts, [part]: e.target.value }, ranged)}
      />
    </span>
  );

  return (
    <div className="uf">
      {ranged ? (
        <fieldset className="uf-range">
          <legend>
            {label}
            {shownUnit ? <span className="uf-unit"> ({shownUnit})</span> : null}
          </legend>
          {input('low', texts.low, 'basse')}
          {input('likely', texts.likely, 'probable')}
          {input('high', texts.high, 'haute')}
        </fieldset>
      ) : (
        input('likely', texts.likely, label)
      )}
      {allowRange ? (
        <button type="button" className="link-button uf-toggle" aria-pressed={ranged} onClick={toggleRange}>
          Fourchette
          <span className="visually-hidden"> pour « {label} »</span>
        </button>
      ) : null}
      {hint ? (
        <p id={hintId} className="uf-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="error uf-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
