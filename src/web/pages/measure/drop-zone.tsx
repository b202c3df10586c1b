// Where the file is given: a real file input with its label (keyboard and screen readers),
// and the whole zone accepts a drag-and-drop.
import { useId, useState, type DragEvent } from 'react';

export const acceptedFiles = '.txt,.csv,.tsv,.xlsx,text/plain,text/csv';

export function DropZone({ onFile, disabled }: { onFile: (file: File) => void; disabled?: boolean }) {
  const id = useId();
  const [over, setOver] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (disabled) return;
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <div
      className={`drop-zone${over ? ' is-over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p className="drop-title" aria-hidden="true">
        Déposez ici votre fichier
      </p>
      <label htmlFor={id} className="drop-label">
        Choisir un FEC (.txt, .csv) ou une liste de fournisseurs (CSV, XLSX)
      </label>
      <input
        id={id}
        type="file"
        accept={acceptedFiles}
        disabled={disabled}
        aria-describedby={`${id}-help`}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) onFile(file);
          e.currentTarget.value = '';
        }}
      />
      <p id={`${id}-help`} className="drop-help">
        Le FEC s'exporte depuis tout logiciel comptable (menu « Fichier des écritures comptables »). Une liste
        de fournisseurs doit contenir au moins le nom et le montant, et si possible le SIRET, le code postal
        ou le pays.
      </p>
    </div>
  );
}
