import { describe, expect, it } from 'vitest';
import { matchesSearch, normalizeForSearch } from './search';

describe('search', () => {
  it('ignores case and accents', () => {
    expect(normalizeForSearch('Zoë ŁUKASIEWICZ')).toBe('zoe lukasiewicz');
    expect(matchesSearch(['Siobhán Ní Bhriain'], 'siobhan')).toBe(true);
    expect(matchesSearch(['Şükrü Öztürk'], 'sukru oz')).toBe(true);
    expect(matchesSearch(['Straße GmbH'], 'strasse')).toBe(true);
  });

  it('needs every word somewhere', () => {
    expect(matchesSearch(['Bryn Owen', 'Owen & Sons'], 'owen sons')).toBe(true);
    expect(matchesSearch(['Bryn Owen'], 'owen sons')).toBe(false);
    expect(matchesSearch(['100% Plumbing_Ltd'], '100%')).toBe(true);
    expect(matchesSearch(['anything'], '   ')).toBe(true);
  });
});
