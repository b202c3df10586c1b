// Reading progress: a <progress> bar, bytes, lines and throughput, and a polite live
// region that speaks at most every few seconds (a screen reader must not be flooded).
import { useEffect, useRef, useState } from 'react';
import { bytes, integer } from '../../components/ibal/format.ts';
import type { ReadProgress } from './worker-protocol.ts';

const announceEveryMs = 4_000;

export function progressSentence(p: ReadProgress | null): string {
  if (!p) return 'Lecture du fichier en cours…';
  const pct = p.totalBytes ? Math.min(100, Math.floor((p.bytesRead * 100) / p.totalBytes)) : null;
  return `Lecture : ${pct === null ? bytes(p.bytesRead) : `${pct} %`}, ${integer(p.linesRead)} lignes lues.`;
}

export function ReadProgressPanel({
  fileName,
  progress,
  onCancel,
}: {
  fileName: string;
  progress: ReadProgress | null;
  onCancel: () => void;
}) {
  const [announced, setAnnounced] = useState('Lecture du fichier en cours…');
  const last = useRef(0);
  useEffect(() => {
    const now = Date.now();
    if (now - last.current >= announceEveryMs) {
      last.current = now;
      setAnnounced(progressSentence(progress));
    }
  }, [progress]);

  const pct = progress?.totalBytes ? Math.min(100, (progress.bytesRead * 100) / progress.totalBytes) : null;
  const seconds = progress ? progress.elapsedMs / 1000 : 0;
  const throughput = progress && seconds > 0.05 ? progress.bytesRead / seconds : null;
  return (
    <section aria-labelledby="lecture-titre" className="panel">
      <h2 id="lecture-titre">Lecture de « {fileName} »</h2>
      <progress
        max={100}
        {...(pct === null ? {} : { value: Math.floor(pct) })}
        aria-label="Avancement de la lecture"
        className="read-progress"
      />
      <dl className="stats">
        <div>
          <dt>Lu</dt>
          <dd>
            {bytes(progress?.bytesRead ?? 0)}
            {progress?.totalBytes ? ` sur ${bytes(progress.totalBytes)}` : ''}
            {pct === null ? '' : ` (${Math.floor(pct)} %)`}
          </dd>
        </div>
        <div>
          <dt>Lignes lues</dt>
          <dd>{integer(progress?.linesRead ?? 0)}</dd>
        </div>
        <div>
          <dt>Débit</dt>
          <dd>{throughput === null ? '—' : `${bytes(throughput)}/s`}</dd>
        </div>
      </dl>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announced}
      </p>
      <button type="button" className="secondary" onClick={onCancel}>
        Annuler la lecture
      </button>
    </section>
  );
}
