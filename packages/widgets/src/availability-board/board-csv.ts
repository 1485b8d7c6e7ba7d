import type {BoardColumn, BoardFormat} from './board-columns.js';
import type {IndexedRow} from './board-model.js';
import {toCsv} from '../coordinator/csv.js';

// lifted into the coordinator kit (the stats use them too); still exported here for the package's users
export {csvCell, toCsv} from '../coordinator/csv.js';

/** Every column, the CSV's quota and date apart: a spreadsheet sorts them, where the table joins them for reading. */
function csvRow(format: BoardFormat, {row, communeName}: IndexedRow): string[] {
  const t = format.t;
  const a = row.availability;
  const cell = (column: BoardColumn) => (a ? format.cell(row, communeName, column) : '');
  return [
    row.displayName,
    format.profession(row),
    communeName,
    a ? t.acceptingShort[a.accepting] : t.notDeclared,
    a?.monthlyQuota != null ? String(a.monthlyQuota) : '',
    a && a.accepting !== 'no' ? format.scope(row) : '',
    cell('homeVisits'),
    cell('snp'),
    cell('teleconsultation'),
    cell('msu'),
    cell('visibility'),
    t.freshness[row.freshness],
    a ? format.date(a.declaredAt, 'short') : '',
    a?.noteForCoordinator ?? '',
  ];
}

/** The CSV of `rows` (what the table shows, in its order, every column whichever are shown). */
export function boardCsv(format: BoardFormat, rows: readonly IndexedRow[]): string {
  const c = format.t.columns;
  const header = [
    c.name,
    c.profession,
    c.commune,
    c.accepting,
    c.quota,
    c.scope,
    c.homeVisits,
    c.snp,
    c.teleconsultation,
    c.msu,
    c.visibility,
    c.freshness,
    c.declaredAt,
    c.note,
  ];
  return toCsv(
    header,
    rows.map((r) => csvRow(format, r)),
  );
}

/** Downloads `csv` from the page, no server round trip: the rows are already here. */
export function downloadCsv(csv: string, root: ShadowRoot): void {
  const url = URL.createObjectURL(new Blob([csv], {type: 'text/csv;charset=utf-8'}));
  const link = document.createElement('a');
  link.href = url;
  link.download = `disponibilites-${new Date().toISOString().slice(0, 10)}.csv`;
  link.hidden = true;
  root.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
