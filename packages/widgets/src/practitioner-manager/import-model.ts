/** Headings of the template, in the order the contract's example uses; the server also reads English names. */
export const TEMPLATE_COLUMNS = ['rpps', 'profession', 'titre', 'prenom', 'nom', 'structure', 'adresse', 'commune_insee', 'telephone', 'email'] as const;

const TEMPLATE_ROW = [
  '10003456786',
  'medecin_generaliste',
  'Dr',
  'Claire',
  'Lefebvre',
  'MSP des Marais',
  '1 rue de l’Église',
  '62765',
  '03 21 38 00 00',
  'claire.lefebvre@exemple.fr',
];

/**
 * A template a spreadsheet opens as it should: `;` (what French Excel writes) and a BOM, without
 * which Excel reads UTF-8 as Windows-1252 and garbles the accents.
 */
export function templateCsv(): string {
  const text = `\uFEFF${TEMPLATE_COLUMNS.join(';')}\r\n${TEMPLATE_ROW.join(';')}\r\n`;
  return `data:text/csv;charset=utf-8,${encodeURIComponent(text)}`;
}

/** Lines of data (blank lines and the header left out), counted a slice at a time so a large file never blocks the page. */
export async function countDataRows(file: Blob): Promise<number> {
  const text = await file.text();
  const slice = 1 << 20;
  let lines = 0;
  let blankSoFar = true;
  for (let start = 0; start < text.length; start += slice) {
    const end = Math.min(text.length, start + slice);
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) {
        if (!blankSoFar) lines++;
        blankSoFar = true;
      } else if (code !== 13 && code !== 32 && code !== 9 && code !== 0xfeff) {
        blankSoFar = false;
      }
    }
    if (end < text.length) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  if (!blankSoFar) lines++;
  return Math.max(0, lines - 1);
}

/** `12 Ko`, `1,4 Mo` / `12 kB`, `1.4 MB`. */
export function formatSize(bytes: number, lang: string): string {
  const [unit, value] = bytes < 1024 * 1024 ? ['kilobyte', Math.max(1, Math.round(bytes / 1024))] : ['megabyte', Math.round((bytes / (1024 * 1024)) * 10) / 10];
  return new Intl.NumberFormat(lang, {style: 'unit', unit, unitDisplay: 'short'}).format(value);
}
