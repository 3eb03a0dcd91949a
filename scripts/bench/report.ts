/** What a benchmark hands back, and the table it is printed as. */
import type { Summary } from './stats';

export interface Target {
  /** Which figure of the row the target applies to. */
  figure: 'median' | 'value';
  /** The figure must stay below this (lower is better) or reach it (higher is better). */
  below?: number;
  atLeast?: number;
}

export interface Row {
  label: string;
  unit: string;
  /** Timing rows carry a summary of samples ... */
  summary?: Summary;
  /** ... other rows (ratios, throughput) a single figure. */
  value?: number;
  target?: Target;
}

export interface BenchResult {
  name: string;
  title: string;
  /** How it was measured, in a line or two each: printed under the table and kept in the JSON. */
  notes: string[];
  rows: Row[];
  /** Everything measured, raw samples included, for the JSON file. */
  details: unknown;
}

export type Verdict = 'PASS' | 'MISS';

export function verdictOf(row: Row): Verdict | undefined {
  const { target } = row;
  if (!target) return undefined;
  const figure = target.figure === 'median' ? row.summary?.median : row.value;
  if (figure === undefined) return 'MISS';
  if (target.below !== undefined && !(figure < target.below)) return 'MISS';
  if (target.atLeast !== undefined && !(figure >= target.atLeast)) return 'MISS';
  return 'PASS';
}

function targetText(target: Target | undefined, unit: string): string {
  if (!target) return '';
  const name = target.figure === 'median' ? 'median' : '';
  const bound =
    target.below !== undefined ? `< ${target.below}` : `>= ${target.atLeast ?? ''}`.trim();
  return [name, bound, unit].filter(Boolean).join(' ');
}

/** Enough significant digits to compare, without trailing noise. */
function figure(value: number | undefined): string {
  if (value === undefined) return '';
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

export function formatTable(rows: readonly Row[]): string {
  const header = ['measure', 'unit', 'median', 'p90', 'p99', 'min', 'max', 'target', 'result'];
  const lines = rows.map((row) => {
    const s = row.summary;
    return [
      row.label,
      row.unit,
      figure(s ? s.median : row.value),
      figure(s?.p90),
      // With a handful of samples p99 is just the maximum again: show it only for many.
      s && s.count >= 100 ? figure(s.p99) : '',
      figure(s?.min),
      figure(s?.max),
      targetText(row.target, row.unit),
      verdictOf(row) ?? '',
    ];
  });
  const table = [header, ...lines];
  const widths = header.map((_, column) =>
    Math.max(...table.map((cells) => cells[column]!.length)),
  );
  const render = (cells: string[]) =>
    cells
      .map((cell, column) =>
        // Text columns left-aligned, figures right-aligned.
        column < 2 || column >= 7 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [render(header), rule, ...lines.map(render)].join('\n');
}
