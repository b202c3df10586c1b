import { describe, expect, it } from 'vitest';
import { decodeState, encodeState, shareUrl, stateFromHash } from './url-state.ts';

const scenario = {
  product: 'Boîtier aluminium « série 3 » — 12 €',
  common: { annualVolume: { low: 8000, likely: 10000, high: 12000 }, unitWeightKg: 0.45 },
  offers: [
    { id: 'far', name: 'Shenzhen', currency: 'USD', price: 4.2 },
    { id: 'local', name: 'Loudéac', currency: 'EUR', price: 5.1 },
  ],
};

describe('scenario in the URL', () => {
  it('gives back the same scenario after a round trip, accents and ranges included', async () => {
    const encoded = await encodeState(scenario);
    expect(encoded).toMatch(/^z[A-Za-z0-9_-]+$/);
    expect(await decodeState(encoded)).toEqual({ ok: true, value: scenario });
  });

  it('compresses a repetitive scenario below its JSON size', async () => {
    const big = { ...scenario, offers: Array.from({ length: 20 }, () => scenario.offers[0]) };
    const encoded = await encodeState(big);
    expect(encoded.length).toBeLessThan(JSON.stringify(big).length / 3);
  });

  it('reads the uncompressed form too', async () => {
    const plain = `j${Buffer.from(JSON.stringify(scenario)).toString('base64url')}`;
    expect(await decodeState(plain)).toEqual({ ok: true, value: scenario });
  });

  it('explains in French when a link was cut or altered', async () => {
    const encoded = await encodeState(scenario);
    const cut = await decodeState(encoded.slice(0, 20));
    expect(cut.ok).toBe(false);
    if (!cut.ok) expect(cut.message).toMatch(/lien partagé est incomplet/);
    expect((await decodeState('x123')).ok).toBe(false);
    expect((await decodeState('j!!')).ok).toBe(false);
  });

  it('puts the state in the fragment, which is never sent to the server', async () => {
    const url = shareUrl('https://relocalisons.bzh/comparer?x=1#contenu', 'zABC');
    expect(url).toBe('https://relocalisons.bzh/comparer?x=1#s=zABC');
    expect(stateFromHash(new URL(url).hash)).toBe('zABC');
    expect(stateFromHash('#contenu')).toBeNull();
  });
});
