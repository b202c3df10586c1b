// "Pourquoi ce chiffre ?": a disclosure button (aria-expanded) that opens the explanation of
// a figure — its formula in words, its inputs with their sources, and its sub-lines.
import { useId, useState, type ReactNode } from 'react';
import type { ExplainedLine } from '../../../core/tco/index.ts';
import { eurUnit, num } from './format.ts';

/** A button that shows or hides its content; `context` makes each button's name unique for screen readers. */
export function Disclosure({
  label,
  context,
  children,
}: {
  label: string;
  context?: string;
  children: ReactNode;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <span className="disclosure">
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((v) => !v)}
      >
        {label}
        {context ? <span className="visually-hidden"> ({context})</span> : null}
      </button>
      <span id={id} hidden={!open} className="disclosure-body">
        {open ? children : null}
      </span>
    </span>
  );
}

export function LineExplanation({ line }: { line: ExplainedLine }) {
  return (
    <span className="explain">
      <span className="explain-formula">{line.formula}</span>
      {line.note ? <span className="explain-note">{line.note}</span> : null}
      {!line.counted ? (
        <span className="explain-note">Montré pour information : non ajouté au coût complet.</span>
      ) : null}
      {line.inputs.length > 0 ? (
        <span className="explain-inputs">
          <span className="explain-title">Données utilisées</span>
          <ul>
            {line.inputs.map((i, k) => (
              <li key={k}>
                {i.name} : <strong>{num(i.value, 4)}</strong> {i.unit}{' '}
                <span className="explain-source">— {i.source}</span>
              </li>
            ))}
          </ul>
        </span>
      ) : null}
      {line.children.length > 0 ? (
        <ul className="explain-children">
          {line.children.map((c) => (
            <li key={c.id}>
              {c.label} : {eurUnit(c.perUnit)} — <span className="explain-formula">{c.formula}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </span>
  );
}

/** The "pourquoi ce chiffre ?" link of one explained line. */
export function WhyLine({ line, what }: { line: ExplainedLine; what: string }) {
  return (
    <Disclosure label="Pourquoi ce chiffre ?" context={what}>
      <LineExplanation line={line} />
    </Disclosure>
  );
}
