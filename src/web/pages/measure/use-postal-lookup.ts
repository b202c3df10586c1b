// The compact postal table (postal code → departments, ~90 KB) fetched once from the
// server, so a postal code the user types is placed in its zone right here. Until it
// arrives (or if it cannot), core/geo falls back on the code's first digits, flagged.
import { useEffect, useState } from 'react';
import { postalLookup, type PlaceLookup, type PostalTable } from '../../../core/geo/index.ts';

const empty: PlaceLookup = postalLookup({ source: 'aucune (table non chargée)', postalCodes: {} });
let cached: Promise<PlaceLookup> | null = null;

function load(): Promise<PlaceLookup> {
  cached ??= fetch('/api/v1/reference/postal-codes')
    .then((r) => (r.ok ? (r.json() as Promise<PostalTable>) : Promise.reject(new Error(String(r.status)))))
    .then((table) => postalLookup(table))
    .catch(() => {
      cached = null;
      return empty;
    });
  return cached;
}

export function usePostalLookup(): PlaceLookup {
  const [lookup, setLookup] = useState<PlaceLookup>(empty);
  useEffect(() => {
    let live = true;
    void load().then((l) => live && setLookup(l));
    return () => {
      live = false;
    };
  }, []);
  return lookup;
}
