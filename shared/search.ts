/**
 * Search as people type it: case and accents ignored, so "zoe lukasiewicz" finds
 * "Zoë Łukasiewicz" and "siobhan" finds "Siobhán". Done in code rather than SQL, whose
 * lower() only knows ASCII.
 */

// Letters that carry no combining mark to strip (ł is its own letter in Unicode).
const plainLetters: Record<string, string> = {
  ł: 'l',
  đ: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  þ: 'th',
};

export function normalizeForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[łđøßæœıþ]/g, (letter) => plainLetters[letter] ?? letter)
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of the query appears in one of the fields. */
export function matchesSearch(fields: readonly string[], query: string): boolean {
  const words = normalizeForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = normalizeForSearch(fields.join(' '));
  return words.every((word) => haystack.includes(word));
}
