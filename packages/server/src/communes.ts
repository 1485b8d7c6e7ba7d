import {readFileSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Commune} from '@cpts-kit/contract';

type CommuneRow = [string, string, string[], number | null, number | null, number | null];

const dataDir = resolve(dirname(fileURLToPath(import.meta.url)), '../data');
let byInsee: Map<string, Commune> | undefined;
let epci: Record<string, [string, string[]]> | undefined;

function communes(): Map<string, Commune> {
  byInsee ??= new Map(
    (JSON.parse(readFileSync(resolve(dataDir, 'communes.json'), 'utf8')) as CommuneRow[]).map(([insee, name, postalCodes, lat, lng, population]) => [
      insee,
      {insee, name, postalCodes, centre: lat === null || lng === null ? null : {lat, lng}, population},
    ]),
  );
  return byInsee;
}

export function findCommune(insee: string): Commune | undefined {
  return communes().get(insee);
}

/** The member communes of an EPCI (by SIREN), or undefined when the code is unknown. */
export function epciMembers(code: string): {name: string; communes: string[]} | undefined {
  epci ??= JSON.parse(readFileSync(resolve(dataDir, 'epci.json'), 'utf8')) as Record<string, [string, string[]]>;
  const entry = epci[code];
  return entry && {name: entry[0], communes: entry[1]};
}
