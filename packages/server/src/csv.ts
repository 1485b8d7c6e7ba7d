/** Reading the CSV files that spreadsheets write: which encoding, which delimiter, which cells. */

export type CsvEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
export type CsvDelimiter = ';' | ',' | '\t';

export class CsvEncodingError extends Error {
  override name = 'CsvEncodingError';
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

// bytes Windows-1252 leaves undefined (WHATWG maps them to C1 controls): no spreadsheet writes them
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** 0x80–0x9F of Windows-1252 (WHATWG encoding standard); every other byte is its own code point, as in Latin-1. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013,
  0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Not `new TextDecoder('windows-1252')`: Node 20.18.3+ and 22.13+ decode it as Latin-1, turning
 * « œ », « € » and Excel's curly apostrophe into control characters (nodejs/node#56542, #60888).
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b));
    out += String.fromCharCode(...codes);
  }
  return out;
}
// controls a text file never holds (tab, line feed and carriage return are fine)
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's whole job
const CONTROL_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

const LATIN1_CHARSETS = new Set(['windows-1252', 'cp1252', 'iso-8859-1', 'iso-8859-15', 'latin1', 'latin-1', 'x-cp1252']);

/**
 * The text of a file whose encoding nobody told us: UTF-8 with or without BOM, UTF-16 with BOM
 * (Excel's « Texte Unicode »), else Windows-1252 (Excel's « CSV (séparateur : point-virgule) » on a
 * French Windows). A declared `charset` of the Latin-1 family is believed; any other is not, since
 * browsers and tools often label whatever they send as UTF-8.
 */
export function decodeCsv(bytes: Uint8Array, declaredCharset?: string): {text: string; encoding: CsvEncoding} {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new CsvEncodingError('not_csv', 'ce fichier est un classeur (.xlsx ou .ods), pas un CSV : dans le tableur, « Enregistrer sous » au format CSV');
  }
  let text: string;
  let encoding: CsvEncoding;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else if (declaredCharset && LATIN1_CHARSETS.has(declaredCharset.toLowerCase())) {
    encoding = 'windows-1252';
    text = decodeWindows1252(bytes);
  } else {
    try {
      // ignoreBOM: false (the default) drops a UTF-8 BOM
      text = new TextDecoder('utf-8', {fatal: true}).decode(bytes);
      encoding = 'utf-8';
    } catch {
      const undefinedByte = bytes.findIndex((b) => CP1252_UNDEFINED.has(b));
      if (undefinedByte >= 0) {
        throw new CsvEncodingError(
          'invalid_encoding',
          `encodage illisible : ni UTF-8 ni Windows-1252 (octet 0x${bytes[undefinedByte]!.toString(16).toUpperCase()} à la position ${undefinedByte + 1}) ; enregistrez le fichier en « CSV UTF-8 »`,
        );
      }
      text = decodeWindows1252(bytes);
      encoding = 'windows-1252';
    }
  }
  const control = CONTROL_CHAR.exec(text);
  if (control) {
    throw new CsvEncodingError(
      'invalid_encoding',
      `ce fichier n'est pas un texte CSV lisible (caractère de contrôle U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}) ; enregistrez-le en « CSV UTF-8 »`,
    );
  }
  return {text, encoding};
}

/**
 * The delimiter: of `;`, `,` and tab, the one seen most often on one line (outside quotes) among the
 * first lines, so that a title line above the header (« Praticiens de la CPTS ») does not decide;
 * `;` when none is seen.
 */
export function detectDelimiter(text: string, lines = 10): CsvDelimiter {
  const best: Record<CsvDelimiter, number> = {';': 0, ',': 0, '\t': 0};
  let counts: Record<CsvDelimiter, number> = {';': 0, ',': 0, '\t': 0};
  let quoted = false;
  let seen = 0;
  const endLine = () => {
    for (const d of Object.keys(best) as CsvDelimiter[]) best[d] = Math.max(best[d], counts[d]);
    counts = {';': 0, ',': 0, '\t': 0};
    seen++;
  };
  for (let i = 0; i < text.length && seen < lines; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) endLine();
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
  }
  endLine();
  const [delimiter, count] = (Object.entries(best) as [CsvDelimiter, number][]).sort((a, b) => b[1] - a[1])[0]!;
  return count > 0 ? delimiter : ';';
}

export interface CsvRecord {
  /** The row number a spreadsheet shows: the first record is 1, a quoted line break does not count. */
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  override name = 'CsvSyntaxError';
  readonly line: number;
  constructor(line: number, message: string) {
    super(message);
    this.line = line;
  }
}

/**
 * RFC 4180 records: quoted fields may hold the delimiter, line breaks and doubled quotes; CRLF, LF
 * and CR all end a record. A quote inside an unquoted field is kept as text, as spreadsheets do.
 */
export function parseCsv(text: string, delimiter: CsvDelimiter): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let i = 0;
  const n = text.length;
  const endRecord = () => {
    cells.push(cell);
    records.push({line, cells});
    cells = [];
    cell = '';
    line++;
  };
  while (i < n) {
    const ch = text[i]!;
    if (ch === '"' && cell === '') {
      const start = line;
      i++;
      for (;;) {
        if (i >= n) throw new CsvSyntaxError(start, 'guillemet ouvrant sans guillemet fermant : la suite du fichier a été lue comme une seule cellule');
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += c;
        i++;
      }
      // text after the closing quote (`"a"b`) is kept, as spreadsheets do
      while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
      continue;
    }
    if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i++;
    }
  }
  // a last line without its line break
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

/**
 * One CSV cell written for a spreadsheet. A cell it would read as a formula (`=`, `+`, `-`, `@`,
 * or a tab or carriage return before one) gets a leading quote: a name typed as `=HYPERLINK(…)`
 * must never run in the coordinator's Excel (OWASP « CSV injection »). Same rule as the board's export.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** `;`-separated (what French Excel expects), CRLF line ends, and a UTF-8 BOM so Excel reads « Hélène ». */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\uFEFF${[header, ...rows].map((cells) => cells.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
