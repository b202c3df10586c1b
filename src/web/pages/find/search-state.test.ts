import { describe, expect, it } from 'vitest';
import {
  emptySearch,
  parseSearch,
  serialiseSearch,
  toApiQuery,
  withFilters,
  type SearchState,
} from './search-state.ts';

const parse = (qs: string) => parseSearch(new URLSearchParams(qs));

describe('search state in the URL of « Trouver un fournisseur »', () => {
  it('an empty URL is the default search: active establishments only, page 1, server-chosen order', () => {
    expect(parse('')).toEqual(emptySearch);
    expect(serialiseSearch(emptySearch).toString()).toBe('');
  });

  it('a buyer looking for machining within 20 km of Brest gets back exactly the same search from the link', () => {
    const search: SearchState = {
      ...emptySearch,
      q: 'usinage précision',
      section: 'C',
      naf: '25.62B',
      department: ['29', '22'],
      commune: '29019',
      radiusKm: 20,
      headcount: ['11', '12'],
      sort: 'distance',
      page: 3,
    };
    const url = serialiseSearch(search).toString();
    expect(url).toBe(
      'q=usinage+pr%C3%A9cision&section=C&naf=25.62B&department=29&department=22&commune=29019&radiusKm=20&headcount=11&headcount=12&sort=distance&page=3',
    );
    expect(parse(url)).toEqual(search);
  });

  it('accepts comma lists and NAF codes without the dot, as other sites write them', () => {
    const s = parse('department=29,56&naf=2562b&section=c&headcount=01,02');
    expect(s.department).toEqual(['29', '56']);
    expect(s.naf).toBe('25.62B');
    expect(s.section).toBe('C');
    expect(s.headcount).toEqual(['01', '02']);
  });

  it('drops what it cannot understand instead of breaking the page', () => {
    const s = parse(
      'department=Finistère&naf=usinage&commune=29200x&radiusKm=-3&page=0&sort=price&headcount=99&epci=12',
    );
    expect(s).toEqual(emptySearch);
  });

  it('« Afficher aussi les établissements fermés » is the only way to include closed ones', () => {
    expect(parse('includeClosed=true').includeClosed).toBe(true);
    expect(parse('includeClosed=yes').includeClosed).toBe(false);
  });

  it('forgets a radius without a commune to measure it from', () => {
    expect(serialiseSearch({ ...emptySearch, radiusKm: 30 }).toString()).toBe('');
  });
});

describe('API query of a search', () => {
  it('a commune without radius limits to the commune and measures distances from it', () => {
    expect(toApiQuery({ ...emptySearch, commune: '35238' }).toString()).toBe('near=35238&commune=35238');
  });

  it('a radius around a commune replaces the commune limit', () => {
    expect(toApiQuery({ ...emptySearch, commune: '35238', radiusKm: 30 }).toString()).toBe(
      'near=35238&radiusKm=30',
    );
  });

  it('the export links carry the whole search but not the page', () => {
    const s = { ...emptySearch, q: 'boulangerie', department: ['56'], page: 4 };
    expect(toApiQuery(s, { page: false }).toString()).toBe('q=boulangerie&department=56');
    expect(toApiQuery(s).toString()).toBe('q=boulangerie&department=56&page=4');
  });

  it('never asks for a distance order without a point', () => {
    expect(toApiQuery({ ...emptySearch, sort: 'distance' }).toString()).toBe('');
  });
});

describe('changing a filter', () => {
  it('goes back to page 1', () => {
    expect(withFilters({ ...emptySearch, page: 5 }, { department: ['22'] }).page).toBe(1);
  });
  it('clears the radius and the distance order when the commune is removed', () => {
    const s = withFilters(
      { ...emptySearch, commune: '29019', radiusKm: 10, sort: 'distance' },
      { commune: null },
    );
    expect(s.radiusKm).toBeNull();
    expect(s.sort).toBeNull();
  });
});
