// MAPPING.csv for `ibal --suppliers`: the user's answers for suppliers the directory could not
// place. One line per supplier: its key (aux:F001, F001) or its name, then a postal code, a
// country or « ignorer ». Headers are optional; columns may also be split (code postal; pays).
//   fournisseur;réponse
//   F001;29200
//   SHENZHEN BRIGHT PCB CO LTD;Chine
//   FILIALE KERVADEC;ignorer
import {
  normaliseName,
  decodeText,
  normaliseHeader,
  parseCsv,
  type UserAnswer,
} from '../../core/suppliers/index.ts';
import type { IbalZone } from '../../core/ibal/index.ts';

export interface AnswerLine {
  line: number;
  supplier: string;
  answer: UserAnswer;
}

export interface AnswersFile {
  lines: AnswerLine[];
  problems: { line: number; message: string }[];
}

const KEY_HEADERS = ['fournisseur', 'cle', 'key', 'nom', 'compte', 'compauxnum', 'supplier', 'raisonsociale'];
const POSTAL_HEADERS = ['codepostal', 'cp', 'postal'];
const COUNTRY_HEADERS = ['pays', 'country'];
const zones: Record<string, IbalZone> = {
  bretagne: 'bretagne',
  france: 'france',
  europe: 'europe',
  monde: 'world',
};

function interpret(value: string, country: string): UserAnswer | null {
  const v = value.trim();
  if (/^(ignorer|ignore|ignoré|exclure)$/i.test(v)) return { kind: 'ignore' };
  if (/^(?:F\s*-\s*)?\d{2}\s?\d{3}(\s+cedex(\s+\d+)?)?$/i.test(v)) {
    return country ? { kind: 'postal-code', postalCode: v, country } : { kind: 'postal-code', postalCode: v };
  }
  const zone = zones[normaliseHeader(v)];
  if (zone) return { kind: 'zone', zone };
  if (v !== '') return { kind: 'country', country: v };
  if (country !== '') return { kind: 'country', country };
  return null;
}

export function parseAnswersFile(bytes: Uint8Array): AnswersFile {
  const rows = parseCsv(decodeText(bytes)).filter((r) => r.some((c) => c.trim() !== ''));
  const first = (rows[0] ?? []).map(normaliseHeader);
  const hasHeader = first.some(
    (h) => KEY_HEADERS.includes(h) || h.startsWith('reponse') || POSTAL_HEADERS.includes(h),
  );
  const keyCol = hasHeader
    ? Math.max(
        0,
        first.findIndex((h) => KEY_HEADERS.includes(h)),
      )
    : 0;
  const cpCol = hasHeader ? first.findIndex((h) => POSTAL_HEADERS.includes(h)) : -1;
  const countryCol = hasHeader ? first.findIndex((h) => COUNTRY_HEADERS.includes(h)) : -1;
  const answerCol = hasHeader
    ? first.findIndex((h, i) => i !== keyCol && i !== cpCol && i !== countryCol)
    : 1;
  const out: AnswersFile = { lines: [], problems: [] };
  rows.forEach((row, i) => {
    if (hasHeader && i === 0) return;
    const line = i + 1;
    const supplier = (row[keyCol] ?? '').trim();
    const country = countryCol >= 0 ? (row[countryCol] ?? '').trim() : '';
    const direct = cpCol >= 0 ? (row[cpCol] ?? '').trim() : '';
    const value = direct !== '' ? direct : answerCol >= 0 ? (row[answerCol] ?? '').trim() : '';
    if (supplier === '') {
      out.problems.push({
        line,
        message: `Fichier des réponses, ligne ${line} : fournisseur vide ; ligne ignorée.`,
      });
      return;
    }
    const answer = interpret(value, country);
    if (!answer) {
      out.problems.push({
        line,
        message: `Fichier des réponses, ligne ${line} : pas de réponse pour « ${supplier} » (code postal, pays ou « ignorer ») ; ligne ignorée.`,
      });
      return;
    }
    out.lines.push({ line, supplier, answer });
  });
  return out;
}

/** Ties each answer to a supplier key: the exact key, the CompAuxNum alone, then the normalised name. */
export function answersByKey(
  file: AnswersFile,
  items: readonly { key: string; name: string }[],
): { answers: Map<string, UserAnswer>; problems: { line: number; message: string }[] } {
  const byKey = new Map(items.map((i) => [i.key, i.key]));
  const byAux = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const i of items) {
    const colon = i.key.indexOf(':');
    if (colon > 0) byAux.set(i.key.slice(colon + 1), i.key);
    const n = normaliseName(i.name).text;
    if (n !== '' && !byName.has(n)) byName.set(n, i.key);
  }
  const answers = new Map<string, UserAnswer>();
  const problems: { line: number; message: string }[] = [];
  for (const l of file.lines) {
    const key = byKey.get(l.supplier) ?? byAux.get(l.supplier) ?? byName.get(normaliseName(l.supplier).text);
    if (!key) {
      problems.push({
        line: l.line,
        message: `Fichier des réponses, ligne ${l.line} : « ${l.supplier} » ne correspond à aucun fournisseur du fichier (clé, compte auxiliaire ou nom) ; ligne ignorée.`,
      });
      continue;
    }
    answers.set(key, l.answer);
  }
  return { answers, problems };
}
