// `npm run cli -- tco SCENARIO.json [--format json|table] [--draws N] [--seed N]`: the TCO
// calculator on a scenario file, in the same JSON format as POST /api/v1/tco/compute.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { quickInputSchema, scenarioSchema } from '../../api/tco.ts';
import { computeTco, expandQuickInput, type Scenario, type TcoResult } from '../../core/tco/index.ts';
import { CliError, type Command } from '../command.ts';

const euro = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
});
const euroYear = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});
const pct = (v: number) => `${(v * 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`;

export function formatTable(result: TcoResult): string {
  const out: string[] = [result.title, ''];
  const offers = result.offers;
  const w = 46;
  const col = 16;
  out.push(`${'Ligne'.padEnd(w)}${offers.map((o) => o.name.slice(0, col - 1).padStart(col)).join('')}`);
  const ids = offers[0]?.lines.map((l) => l.id) ?? [];
  for (const id of ids) {
    const cells = offers.map((o) => o.lines.find((l) => l.id === id)!);
    const first = cells[0]!;
    if (cells.every((l) => l.perUnit === 0)) continue;
    const mark = cells.some((l) => !l.counted) ? ' *' : '';
    out.push(
      `${`${id} ${first.label}${mark}`.slice(0, w - 1).padEnd(w)}${cells.map((l) => euro.format(l.perUnit).padStart(col)).join('')}`,
    );
  }
  out.push('-'.repeat(w + col * offers.length));
  for (const [i, g] of (offers[0]?.groups ?? []).entries()) {
    out.push(
      `${g.label.padEnd(w)}${offers.map((o) => euro.format(o.groups[i]!.perUnit).padStart(col)).join('')}`,
    );
  }
  out.push(
    `${'TCO par unité'.padEnd(w)}${offers.map((o) => euro.format(o.tcoPerUnit).padStart(col)).join('')}`,
  );
  out.push(
    `${'TCO par an'.padEnd(w)}${offers.map((o) => euroYear.format(o.tcoPerYearCents / 100).padStart(col)).join('')}`,
  );
  out.push(
    `${'Valeur restant en Bretagne (à côté, non ajoutée)'.slice(0, w - 1).padEnd(w)}${offers.map((o) => euroYear.format(o.regional.bretagnePerYearCents / 100).padStart(col)).join('')}`,
  );
  out.push(
    '* montré, non ajouté au TCO (règle anti double-compte D2, ou carbone intrinsèque E3 pour information)',
    '',
  );
  for (const c of result.comparisons) {
    out.push(c.summary);
    for (const f of c.flips.filter((x) => x.flipAt !== null).slice(0, 5)) out.push(`  – ${f.message}`);
  }
  const u = result.uncertainty;
  if (u) {
    out.push(
      '',
      `Incertitude (${u.draws.toLocaleString('fr-FR')} tirages, graine ${u.seed}, lois triangulaires) :`,
    );
    for (const p of u.perOffer) {
      const name = offers.find((o) => o.offerId === p.offerId)?.name ?? p.offerId;
      out.push(
        `  ${name} : P10 ${euro.format(p.tcoPerUnit.p10)}, P50 ${euro.format(p.tcoPerUnit.p50)}, P90 ${euro.format(p.tcoPerUnit.p90)}`,
      );
    }
    const ref = offers.find((o) => o.offerId === result.referenceOfferId)?.name ?? result.referenceOfferId;
    for (const p of u.pairs) {
      const other = offers.find((o) => o.offerId === p.otherOfferId)?.name ?? p.otherOfferId;
      out.push(
        `  Probabilité que « ${ref} » coûte moins cher que « ${other} » : ${pct(p.pReferenceCheaper)}`,
      );
    }
    out.push('  Entrées qui font le plus varier l’écart :');
    for (const t of u.tornado.slice(0, 5))
      out.push(`    ${t.label} : ${euro.format(t.gapAtLow)} → ${euro.format(t.gapAtHigh)}`);
  }
  if (result.warnings.length > 0)
    out.push('', 'Avertissements :', ...result.warnings.map((w2) => `  – ${w2}`));
  return out.join('\n');
}

export const tcoCommand: Command = {
  name: 'tco',
  summary: 'coût complet (TCO) de plusieurs offres à partir d’un scénario JSON',
  usage: [
    'tco SCENARIO.json [--format json|table] [--draws N] [--seed N]',
    '',
    'Calcule le coût complet des offres du scénario (même format JSON que l’API POST /api/v1/tco/compute,',
    'exemple : examples/tco-scenario.json). Le fichier peut aussi contenir une saisie du mode rapide.',
    '  --format  table (défaut) ou json (résultat complet, lignes expliquées)',
    '  --draws   tirages Monte Carlo (défaut 10 000 ; 0 pour ne pas simuler)',
    '  --seed    graine du tirage (même graine → même résultat)',
  ].join('\n'),
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'table' },
        draws: { type: 'string' },
        seed: { type: 'string' },
      },
    });
    const file = positionals[0];
    if (!file)
      throw new CliError('Indiquez le fichier du scénario : npm run cli -- tco examples/tco-scenario.json');
    if (values.format !== 'table' && values.format !== 'json')
      throw new CliError(`--format « ${values.format} » : choisissez table ou json.`);
    const int = (name: string, v: string | undefined) => {
      if (v === undefined) return undefined;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new CliError(`--${name} « ${v} » : entier positif attendu.`);
      return n;
    };
    const draws = int('draws', values.draws);
    const seed = int('seed', values.seed);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, 'utf8'));
    } catch (e) {
      throw new CliError(`Lecture de ${file} impossible : ${(e as Error).message}`);
    }
    let scenario: Scenario;
    z.config(z.locales.fr()); // French validation messages (this process only)
    const quick = quickInputSchema.safeParse(json);
    if (quick.success) scenario = expandQuickInput(quick.data);
    else {
      const parsed = scenarioSchema.safeParse(json);
      if (!parsed.success) {
        const where = parsed.error.issues
          .map((i) => `${i.path.join('.') || '(racine)'} : ${i.message}`)
          .join('\n  ');
        throw new CliError(`Scénario invalide dans ${file} :\n  ${where}`);
      }
      scenario = parsed.data;
    }
    const result = computeTco(scenario, {
      ...(draws !== undefined ? { draws } : {}),
      ...(seed !== undefined ? { seed } : {}),
    });
    if (!result.ok)
      throw new CliError(
        `Scénario incomplet dans ${file} :\n  ${result.error.map((p) => p.message).join('\n  ')}`,
      );
    console.log(values.format === 'json' ? JSON.stringify(result.value, null, 2) : formatTable(result.value));
    return 0;
  },
};
