/**
 * Derives the server's committed reference data from the shared CSV and @etalab/decoupage-administratif.
 * Run with `npm run data:communes`; the server never reads ../shared at run time.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const csvPath = resolve(repoRoot, '../shared/data/communes-fr.csv');
const outDir = resolve(here, '../data');

/** One commune, compact: [insee, name, postal codes, lat, lng, population]. */
export type CommuneRow = [string, string, string[], number | null, number | null, number | null];

function numberOrNull(text: string | undefined): number | null {
  if (text === undefined || text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** The CSV quotes names that contain commas; a tiny RFC 4180 reader is enough. */
function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

function readCommunes(): CommuneRow[] {
  const lines = readFileSync(csvPath, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const header = parseCsvLine(lines[0] ?? '');
  const col = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`colonne ${name} absente de ${csvPath}`);
    return index;
  };
  const [insee, name, postal, lat, lng, pop] = ['insee', 'name', 'postal_codes', 'lat', 'lng', 'population_2021'].map(col) as [number, number, number, number, number, number];
  return lines.slice(1).map((line) => {
    const f = parseCsvLine(line);
    return [f[insee] ?? '', f[name] ?? '', (f[postal] ?? '').split(/\s+/).filter(Boolean), numberOrNull(f[lat]), numberOrNull(f[lng]), numberOrNull(f[pop])];
  });
}

interface EtalabEpci {
  code: string;
  nom: string;
  membres: {code: string}[];
}

function readEpci(): Record<string, [string, string[]]> {
  const require = createRequire(import.meta.url);
  const list = require('@etalab/decoupage-administratif/data/epci.json') as EtalabEpci[];
  return Object.fromEntries(list.map((e) => [e.code, [e.nom, e.membres.map((m) => m.code)]]));
}

const communes = readCommunes();
const epci = readEpci();
writeFileSync(resolve(outDir, 'communes.json'), JSON.stringify(communes) + '\n');
writeFileSync(resolve(outDir, 'epci.json'), JSON.stringify(epci) + '\n');
console.log(`${communes.length} communes, ${Object.keys(epci).length} EPCI écrits dans ${outDir}`);
