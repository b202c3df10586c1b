// Which accounts count as purchases (DESIGN.md §5): one setting with a documented default.
//   default: 60 except 603 (stock variation), 61, 62
//   options: 651 (licences, software), capital expenditure 20 and 21 (counted only in entries
//            that carry a 404 "fournisseurs d'immobilisations" line).
// Written as a list of prefixes, a leading minus excludes: "60,61,62,-603".
import { err, ok, type Problem, type Result } from '../shared/index.ts';
import type { AccountSet } from './types.ts';

export const defaultAccountSet: AccountSet = { include: ['60', '61', '62'], exclude: ['603'] };

/** Default plus the options (651 licences, 20/21 capital expenditure against 404). */
export const extendedAccountSet: AccountSet = {
  include: ['60', '61', '62', '651', '20', '21'],
  exclude: ['603'],
};

export function parseAccountSet(text: string): Result<AccountSet, Problem<'accounts'>> {
  const include: string[] = [];
  const exclude: string[] = [];
  for (const raw of text.split(/[,;\s]+/)) {
    if (raw === '') continue;
    const m = /^([+-]?)(\d{1,10})$/.exec(raw);
    if (!m) {
      return err({
        code: 'accounts',
        message: `Liste de comptes invalide : « ${raw} » n'est pas un préfixe de compte (exemple : 60,61,62,-603).`,
      });
    }
    (m[1] === '-' ? exclude : include).push(m[2] as string);
  }
  if (include.length === 0) {
    return err({
      code: 'accounts',
      message: 'Liste de comptes vide : indiquez au moins un préfixe (exemple : 60,61,62,-603).',
    });
  }
  return ok({ include, exclude });
}

export function formatAccountSet(set: AccountSet): string {
  return [...set.include, ...set.exclude.map((e) => `-${e}`)].join(',');
}

/**
 * Compiles the set into a fast predicate. The longest matching prefix decides, so
 * "60,-603,6031" is possible; class-2 accounts are flagged as capital expenditure.
 */
export function accountMatcher(set: AccountSet): (account: string) => 'purchase' | 'capex' | null {
  const rules = [
    ...set.include.map((p) => ({ p, inc: true })),
    ...set.exclude.map((p) => ({ p, inc: false })),
  ].sort((a, b) => b.p.length - a.p.length);
  const cache = new Map<string, 'purchase' | 'capex' | null>();
  return (account) => {
    let hit = cache.get(account);
    if (hit !== undefined) return hit;
    hit = null;
    for (const r of rules) {
      if (account.startsWith(r.p)) {
        hit = r.inc ? (account.startsWith('2') ? 'capex' : 'purchase') : null;
        break;
      }
    }
    if (cache.size < 100_000) cache.set(account, hit);
    return hit;
  };
}
