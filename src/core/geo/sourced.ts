/** An external fact with its provenance (STYLE.md: every constant carries its source and date). */
export interface Sourced<T> {
  value: T;
  source: string;
  /** ISO date at which the value was checked against its source. */
  asOf: string;
  /** ISO date after which the value must be checked again (a test lists the overdue ones). */
  reviewBy: string;
}

/** The facts past their review date on `today` (ISO date), for the test that lists them. */
export function overdue(facts: Record<string, Sourced<unknown>>, today: string): string[] {
  return Object.entries(facts)
    .filter(([, fact]) => fact.reviewBy < today)
    .map(([name, fact]) => `${name} (à revoir depuis le ${fact.reviewBy}, source : ${fact.source})`);
}
