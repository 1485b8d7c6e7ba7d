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
