/**
 * Which program wrote a file, and where its header is. Exports do not always start with the
 * header (Invoice Ninja writes three lines first, QuickBooks reports four), so the first rows
 * are each scored against every known header and the best one wins. How sure we are is the
 * share of that program's tell-tale columns the header has.
 */
import { importFields, type ColumnMapping, type ImportKind } from './fields';
import { commonHeaders, headerKey, importSources, type ImportSource } from './sources';

/** How many leading rows may come before the header. */
export const headerSearchRows = 20;

export interface Detection {
  /** Index of the header among the rows looked at. */
  headerIndex: number;
  source: ImportSource | null;
  /** 0 to 1: the share of the source's tell-tale columns found. */
  confidence: number;
}

function scoreAgainst(keys: ReadonlySet<string>, source: ImportSource) {
  const matched = source.signature.filter((spellings) =>
    spellings.some((spelling) => keys.has(headerKey(spelling))),
  ).length;
  return { matched, confidence: matched / source.signature.length };
}

/** The best-matching source for a header row, if it matches well enough to say so. */
export function detectSource(header: readonly string[]): {
  source: ImportSource | null;
  confidence: number;
  matched: number;
} {
  const keys = new Set(header.map(headerKey));
  let best: { source: ImportSource | null; confidence: number; matched: number } = {
    source: null,
    confidence: 0,
    matched: 0,
  };
  for (const source of importSources) {
    const score = scoreAgainst(keys, source);
    if (
      score.confidence > best.confidence ||
      (score.confidence === best.confidence && score.matched > best.matched)
    ) {
      best = { source, ...score };
    }
  }
  // Fewer than two thirds of a source's columns, or fewer than four, is a spreadsheet that
  // happens to share some ("Client, Amount, Date" is not Invoice Ninja's payments export).
  const enough = best.source && best.matched >= Math.min(4, best.source.signature.length);
  return best.confidence >= 2 / 3 && enough ? best : { source: null, confidence: 0, matched: 0 };
}

/**
 * Finds the header among the first rows: the one that best matches a known source, else
 * the one holding every column of the owner's mapping, else the first row with two or
 * more filled cells.
 */
export function findHeader(
  rows: readonly (readonly string[])[],
  mapping?: ColumnMapping,
): Detection {
  let best: Detection | null = null;
  let bestMatched = 0;
  rows.slice(0, headerSearchRows).forEach((row, index) => {
    const found = detectSource(row);
    if (found.source && found.matched > bestMatched) {
      best = { headerIndex: index, source: found.source, confidence: found.confidence };
      bestMatched = found.matched;
    }
  });
  if (best) return best;
  const wanted = Object.values(mapping ?? {}).map(headerKey);
  if (wanted.length > 0) {
    const index = rows.findIndex((row) => {
      const keys = new Set(row.map(headerKey));
      return wanted.every((key) => keys.has(key));
    });
    if (index >= 0) return { headerIndex: index, source: null, confidence: 0 };
  }
  const filled = rows.findIndex((row) => row.filter((cell) => cell.trim() !== '').length >= 2);
  return { headerIndex: Math.max(filled, 0), source: null, confidence: 0 };
}

/** The columns a source reads, as this file spells them. */
export function sourceMapping(header: readonly string[], source: ImportSource): ColumnMapping {
  const byKey = new Map(header.map((name) => [headerKey(name), name]));
  const mapping: ColumnMapping = {};
  for (const field of importFields) {
    const spellings = source.columns[field];
    const found = spellings?.map((s) => byKey.get(headerKey(s))).find((name) => name !== undefined);
    if (found !== undefined) mapping[field] = found;
  }
  return mapping;
}

/** A first guess for a hand-made spreadsheet, for the owner to correct. */
export function suggestMapping(header: readonly string[]): ColumnMapping {
  const byKey = new Map(header.map((name) => [headerKey(name), name]));
  const mapping: ColumnMapping = {};
  const taken = new Set<string>();
  for (const field of importFields) {
    const found = commonHeaders[field]
      .map((spelling) => byKey.get(spelling))
      .find((name) => name !== undefined && !taken.has(name));
    if (found !== undefined) {
      mapping[field] = found;
      taken.add(found);
    }
  }
  return mapping;
}

/** What a hand-mapped file holds: invoices if it says which, else payments or customers. */
export function kindOfMapping(mapping: ColumnMapping): ImportKind {
  if (mapping.number && (mapping.total || mapping.lineTotal)) return 'invoices';
  if (mapping.paymentAmount) return 'payments';
  if (mapping.total || mapping.lineTotal || mapping.issueDate) return 'invoices';
  return 'customers';
}
