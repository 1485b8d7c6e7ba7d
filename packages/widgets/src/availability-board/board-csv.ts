import type {BoardColumn, BoardFormat} from './board-columns.js';
import type {IndexedRow} from './board-model.js';

/**
 * One CSV cell. A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, or a tab or
 * carriage return before one) gets a leading quote: a practitioner's note must never run in the
 * coordinator's Excel (OWASP « CSV injection »).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * `;`-separated (what French Excel expects), CRLF line ends, and a UTF-8 byte order mark so
 * Excel reads « Hélène » rather than « HÃ©lÃ¨ne ».
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\uFEFF${[header, ...rows].map((cells) => cells.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

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
