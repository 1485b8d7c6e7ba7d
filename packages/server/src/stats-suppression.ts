import type {StatCount} from '@cpts-kit/contract';

/** Counts from 1 to this are never published: « moins de 11 ». */
export const SMALL_CELL_MAX = 10;

/** `cells[total] = Σ cells[parts]`, by index into the cells: a reader can solve it for one unknown. */
export interface Equation {
  total: number;
  parts: readonly number[];
}

/**
 * Small-cell suppression of published counts. Primary: a count from 1 to 10 is hidden
 * (`lessThan11`). Complementary: in any equation a reader knows (a total and the counts that add
 * up to it), one hidden member is recomputed from the others, so while an equation has exactly one
 * hidden member, the smallest visible non-zero member of it is hidden too (`complementary`), until
 * no equation has exactly one. 0 is published: it identifies no one.
 */
export function suppressCells(values: readonly number[], equations: readonly Equation[]): StatCount[] {
  const out: StatCount[] = values.map((v) => (v >= 1 && v <= SMALL_CELL_MAX ? {suppressed: 'lessThan11'} : v));
  const hidden = (i: number) => typeof out[i] !== 'number';
  for (let changed = true; changed;) {
    changed = false;
    for (const {total, parts} of equations) {
      const members = [total, ...parts];
      if (members.filter(hidden).length !== 1) continue;
      const candidate = smallestVisible(members, values, hidden);
      if (candidate === undefined) continue;
      out[candidate] = {suppressed: 'complementary'};
      changed = true;
    }
  }
  return out;
}

function smallestVisible(members: readonly number[], values: readonly number[], hidden: (i: number) => boolean): number | undefined {
  let best: number | undefined;
  for (const i of members) {
    if (hidden(i) || values[i]! <= 0) continue;
    if (best === undefined || values[i]! < values[best]!) best = i;
  }
  return best;
}

/**
 * Collects the counts of a report as cells, with the equations between them, then gives each
 * cell's published form. Callers register a count and get its index back.
 */
export class CellTable {
  private readonly values: number[] = [];
  private readonly equations: Equation[] = [];
  private published: StatCount[] | undefined;

  add(value: number): number {
    this.values.push(value);
    return this.values.length - 1;
  }

  /** Declares `total = Σ parts`; ignored for an empty sum. */
  sums(total: number, parts: readonly number[]): void {
    if (parts.length > 0) this.equations.push({total, parts});
  }

  read(index: number): StatCount {
    this.published ??= suppressCells(this.values, this.equations);
    return this.published[index]!;
  }
}
