import {createHash} from 'node:crypto';
import {
  Email,
  FrenchPhone,
  InseeCode,
  isValidRpps,
  PRACTITIONER_IMPORT_PREVIEW_ROWS,
  PractitionerCreate,
  type FieldError,
  type ImportColumn,
  type PractitionerImportResult,
} from '@cpts-kit/contract';
import {CsvEncodingError, CsvSyntaxError, decodeCsv, detectDelimiter, parseCsv, type CsvDelimiter, type CsvRecord} from './csv.js';
import type {Db} from './db/index.js';
import {
  FIELD_LABELS,
  FIELD_NAMES,
  HEADING_TO_FIELD,
  MAX_LENGTH,
  PROFESSION_LABELS,
  REQUIRED,
  decimal,
  normaliseKey,
  professionOf,
  type Field,
} from './practitioner-import-columns.js';
import {writeRows, type PlannedRow} from './practitioner-import-write.js';
import {ApiProblem} from './problems.js';
import {audit} from './territories.js';
// French zod messages for the last check against the contract (the CLI does not load the app)
import './validate.js';

/** Far above the 64 KB of JSON bodies: 5 MB is some 30,000 practitioners. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Past this many, the answer lists the first ones and counts the rest. */
export const MAX_IMPORT_ERRORS = 1000;
/** Lines one import takes: a territory has hundreds of practitioners, a region a few tens of thousands. */
export const MAX_IMPORT_ROWS = 50_000;

interface CommuneRow {
  insee: string;
  name: string;
  postal_codes: string[];
  lat: number | null;
  lng: number | null;
}

export interface ImportInput {
  territory: string;
  bytes: Uint8Array;
  /** The `charset` of the request's Content-Type, if any. */
  charset?: string | undefined;
  dryRun: boolean;
  /** Who imports, for the audit log. */
  actor: string;
}

class ErrorList {
  readonly items: FieldError[] = [];
  readonly lines = new Set<number>();
  private count = 0;
  add(line: number, field: Field | null, column: string | null, code: string, message: string): void {
    this.lines.add(line);
    this.count++;
    // past what the answer lists, only count: a 5 MB file of bad lines must not fill the memory
    if (this.items.length > MAX_IMPORT_ERRORS) return;
    const error: FieldError = {path: line === 0 ? 'file' : field ? `lines.${line}.${field}` : `lines.${line}`, code, message};
    if (line > 0) error.line = line;
    if (column !== null) error.column = column;
    this.items.push(error);
  }
  get size(): number {
    return this.count;
  }
}

function invalidFile(errors: ErrorList): ApiProblem {
  const total = errors.size;
  const lines = [...errors.lines].filter((l) => l > 0).length;
  const shown = errors.items.slice(0, MAX_IMPORT_ERRORS);
  if (total > MAX_IMPORT_ERRORS) {
    shown.push({path: 'file', code: 'too_many_errors', message: `… et ${total - MAX_IMPORT_ERRORS} autre(s) erreur(s) non listée(s)`});
  }
  const where = lines > 0 ? ` sur ${lines} ligne(s)` : '';
  return new ApiProblem(422, 'import_invalid', 'Fichier à corriger', {
    detail: `${total} erreur(s)${where} : rien n'a été importé. Corrigez le fichier puis envoyez-le à nouveau.`,
    errors: shown,
  });
}

const isBlank = (record: CsvRecord) => record.cells.every((cell) => cell.trim() === '');

/**
 * Reads, checks and (unless a dry run) writes a CSV file of practitioners in one transaction.
 * Every error of the file is collected; with any, nothing is written and a 422 lists them.
 */
export async function importPractitionersCsv(db: Db, input: ImportInput): Promise<PractitionerImportResult> {
  const errors = new ErrorList();
  let decoded: ReturnType<typeof decodeCsv>;
  try {
    decoded = decodeCsv(input.bytes, input.charset);
  } catch (error) {
    if (!(error instanceof CsvEncodingError)) throw error;
    errors.add(0, null, null, error.code, error.message);
    throw invalidFile(errors);
  }
  const {encoding} = decoded;
  let {text} = decoded;
  // Excel's own hint, `sep=;` on the first line, says the delimiter; the line itself is no data
  const hint = /^sep=([;,\t])(\r\n|\n|\r|$)/i.exec(text);
  if (hint) text = `${hint[2]}${text.slice(hint[0].length)}`;
  const delimiter = hint ? (hint[1] as CsvDelimiter) : detectDelimiter(text);
  let records: CsvRecord[];
  try {
    records = parseCsv(text, delimiter);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    errors.add(error.line, null, null, 'unclosed_quote', error.message);
    throw invalidFile(errors);
  }
  const known = (r: CsvRecord) => r.cells.filter((cell) => HEADING_TO_FIELD.has(normaliseKey(cell))).length;
  // a title or a date above the header is common in sheets: the header is the first line naming two fields
  const titled = records.slice(0, 10).findIndex((r) => known(r) >= 2);
  const headerIndex = titled >= 0 ? titled : records.findIndex((r) => !isBlank(r));
  if (headerIndex < 0) {
    errors.add(0, null, null, 'empty_file', 'le fichier est vide : la première ligne doit nommer les colonnes (rpps, profession, prénom, nom, code INSEE…)');
    throw invalidFile(errors);
  }
  const header = records[headerIndex]!;
  const dataRecords = records.slice(headerIndex + 1).filter((r) => !isBlank(r));
  if (dataRecords.length > MAX_IMPORT_ROWS) {
    errors.add(0, null, null, 'too_many_rows', `le fichier compte ${dataRecords.length} lignes : importez-le en plusieurs fichiers de ${MAX_IMPORT_ROWS} lignes au plus`);
    throw invalidFile(errors);
  }

  // the header: which column holds which field
  const warnings: FieldError[] = records
    .slice(0, headerIndex)
    .filter((r) => !isBlank(r))
    .map((r) => ({
      path: `lines.${r.line}`,
      line: r.line,
      code: 'skipped_line',
      message: "ligne au-dessus de l'en-tête : ignorée",
    }));
  const columns: ImportColumn[] = [];
  const columnOf = new Map<Field, number>();
  header.cells.forEach((raw, index) => {
    const heading = raw.trim();
    const field = HEADING_TO_FIELD.get(normaliseKey(heading));
    columns.push({column: heading, field: field ?? null});
    if (!field) {
      const hasData = dataRecords.some((r) => (r.cells[index] ?? '').trim() !== '');
      if (heading !== '' || hasData) {
        warnings.push({
          path: `lines.${header.line}`,
          line: header.line,
          column: heading,
          code: 'unknown_column',
          message: heading === '' ? `colonne ${index + 1} sans en-tête : ignorée` : `colonne « ${heading} » non reconnue : ignorée`,
        });
      }
      return;
    }
    const first = columnOf.get(field);
    if (first !== undefined) {
      errors.add(header.line, field, heading, 'duplicate_column', `deux colonnes pour le champ ${FIELD_LABELS[field]} : « ${header.cells[first]!.trim()} » et « ${heading} »`);
      return;
    }
    columnOf.set(field, index);
  });
  for (const field of REQUIRED) {
    if (!columnOf.has(field)) {
      errors.add(
        header.line,
        field,
        null,
        'missing_column',
        `colonne obligatoire absente : ${FIELD_LABELS[field]} (en-tête accepté : ${FIELD_NAMES[field].slice(0, 3).join(', ')}…)`,
      );
    }
  }
  if (columnOf.has('lat') !== columnOf.has('lng')) {
    const missing: Field = columnOf.has('lat') ? 'lng' : 'lat';
    errors.add(header.line, missing, null, 'missing_column', `colonne ${FIELD_LABELS[missing]} absente : donnez la latitude et la longitude, ou aucune des deux`);
  }
  if (errors.size > 0) throw invalidFile(errors);
  if (dataRecords.length === 0) {
    errors.add(0, null, null, 'empty_file', "aucune ligne de praticien sous l'en-tête");
    throw invalidFile(errors);
  }

  const plan = async (q: Db): Promise<PlannedRow[]> => {
    const communes = new Map(
      (await q.query<CommuneRow>('select insee, name, postal_codes, lat, lng from territory_communes where territory = $1', [input.territory])).map((c) => [c.insee, c]),
    );
    const existing = new Map(
      (
        await q.query<{id: string; rpps: string; commune_insee: string}>('select id, rpps, commune_insee from practitioners where territory = $1 and rpps is not null', [
          input.territory,
        ])
      ).map((p) => [p.rpps, p]),
    );
    const rppsLine = new Map<string, number>();
    const planned: PlannedRow[] = [];
    for (const record of dataRecords) {
      const line = record.line;
      const before = errors.size;
      const fail = (field: Field, code: string, message: string) => errors.add(line, field, header.cells[columnOf.get(field)!]!.trim(), code, message);
      const value = (field: Field): string | undefined => {
        const index = columnOf.get(field);
        const text = index === undefined ? '' : (record.cells[index] ?? '').trim();
        return text === '' ? undefined : text;
      };
      const extra = record.cells.slice(header.cells.length).filter((c) => c.trim() !== '');
      if (extra.length > 0) {
        errors.add(
          line,
          null,
          null,
          'too_many_cells',
          `${record.cells.length} cellules pour ${header.cells.length} colonnes : une valeur contient-elle le séparateur « ${delimiter === '\t' ? 'tabulation' : delimiter} » sans guillemets ?`,
        );
      }
      for (const field of REQUIRED) if (value(field) === undefined) fail(field, 'required', `${FIELD_LABELS[field]} manquant(e)`);
      for (const [field, max] of Object.entries(MAX_LENGTH) as [Field, number][]) {
        const v = value(field);
        if (v !== undefined && v.length > max) fail(field, 'too_long', `${FIELD_LABELS[field]} trop long (${v.length} caractères, ${max} au plus)`);
      }

      let rpps = value('rpps');
      if (rpps !== undefined) {
        const raw = rpps;
        rpps = rpps.replace(/[\s.-]/g, '');
        if (/^\d+(?:,\d+)?E\+?\d+$/i.test(raw)) {
          fail('rpps', 'invalid_rpps', `numéro RPPS transformé en nombre par le tableur (« ${raw} ») : formatez la colonne en texte puis ressaisissez-le`);
        } else if (!/^\d{11}$/.test(rpps)) {
          fail('rpps', 'invalid_rpps', `le numéro RPPS compte 11 chiffres (reçu « ${raw} »)`);
        } else if (!isValidRpps(rpps)) {
          fail('rpps', 'invalid_rpps', `numéro RPPS invalide : la clé de contrôle ne correspond pas (« ${raw} »)`);
        } else if (rppsLine.has(rpps)) {
          fail('rpps', 'duplicate_rpps', `ce numéro RPPS figure déjà à la ligne ${rppsLine.get(rpps)}`);
        } else {
          rppsLine.set(rpps, line);
        }
      }

      const professionText = value('profession');
      const profession = professionText === undefined ? undefined : professionOf(professionText);
      if (professionText !== undefined && !profession) {
        fail('profession', 'unknown_profession', `profession inconnue : « ${professionText} » (attendu : ${Object.values(PROFESSION_LABELS).join(', ')})`);
      }

      let insee = value('communeInsee')?.toUpperCase();
      // a spreadsheet that took the code for a number dropped its leading zero (01004 → 1004)
      if (insee !== undefined && /^\d{4}$/.test(insee)) insee = `0${insee}`;
      let commune: CommuneRow | undefined;
      if (insee !== undefined) {
        commune = communes.get(insee);
        if (!InseeCode.safeParse(insee).success) {
          fail('communeInsee', 'invalid_insee', `code INSEE invalide : « ${value('communeInsee')} » (5 caractères, ex. 62765)`);
        } else if (!commune) {
          const byPostalCode = [...communes.values()].filter((c) => c.postal_codes.includes(insee));
          const hint = byPostalCode.length > 0 ? ` ; ${insee} est un code postal (${byPostalCode.map((c) => `${c.name} : code INSEE ${c.insee}`).join(', ')})` : '';
          fail('communeInsee', 'unknown_commune', `le code INSEE ${insee} n'est pas une commune du territoire${hint}`);
        }
      }

      let phone = value('phone');
      // 0321380000 typed in a number cell comes back as 321380000
      if (phone !== undefined && /^[1-9]\d{8}$/.test(phone)) phone = `0${phone}`;
      if (phone !== undefined && !FrenchPhone.safeParse(phone).success) fail('phone', 'invalid_phone', `numéro de téléphone invalide : « ${phone} » (ex. 03 21 00 00 00)`);
      const email = value('email');
      if (email !== undefined && !Email.safeParse(email).success) fail('email', 'invalid_email', `adresse e-mail invalide : « ${email} »`);

      let location: {lat: number; lng: number} | undefined;
      const latText = value('lat');
      const lngText = value('lng');
      if (latText !== undefined || lngText !== undefined) {
        const lat = latText === undefined ? Number.NaN : decimal(latText);
        const lng = lngText === undefined ? Number.NaN : decimal(lngText);
        if (latText === undefined || lngText === undefined)
          fail(latText === undefined ? 'lat' : 'lng', 'incomplete_location', 'donnez la latitude et la longitude, ou aucune des deux');
        else if (!(Math.abs(lat) <= 90)) fail('lat', 'invalid_location', `latitude invalide : « ${latText} »`);
        else if (!(Math.abs(lng) <= 180)) fail('lng', 'invalid_location', `longitude invalide : « ${lngText} »`);
        else location = {lat, lng};
      }

      const current = rpps === undefined ? undefined : existing.get(rpps);
      let position: {lat: number; lng: number} | null = location ?? null;
      if (!position && commune && (!current || current.commune_insee !== commune.insee)) {
        if (commune.lat === null || commune.lng === null)
          fail('communeInsee', 'missing_location', `la commune ${commune.name} n'a pas de coordonnées connues : ajoutez les colonnes latitude et longitude`);
        else position = {lat: commune.lat, lng: commune.lng};
      }
      if (errors.size > before) continue;

      const candidate = {
        rpps,
        profession,
        title: value('title'),
        firstName: value('firstName'),
        lastName: value('lastName'),
        practiceName: value('practiceName'),
        address: value('address'),
        communeInsee: insee,
        location,
        phone,
        email,
      };
      const parsed = PractitionerCreate.safeParse(Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined)));
      if (!parsed.success) {
        // the checks above should have said it; the contract has the last word
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? '') as Field;
          const index = columnOf.get(field);
          errors.add(line, index === undefined ? null : field, index === undefined ? null : header.cells[index]!.trim(), issue.code, issue.message);
        }
        continue;
      }
      planned.push({line, action: current ? 'update' : 'create', id: current?.id ?? null, practitioner: parsed.data, position});
    }
    if (errors.size > 0) throw invalidFile(errors);
    return planned;
  };

  const result = (planned: PlannedRow[]): PractitionerImportResult => ({
    dryRun: input.dryRun,
    rows: planned.length,
    created: planned.filter((r) => r.action === 'create').length,
    updated: planned.filter((r) => r.action === 'update').length,
    encoding,
    delimiter,
    columns,
    warnings,
    preview: planned.slice(0, PRACTITIONER_IMPORT_PREVIEW_ROWS).map(({line, action, id, practitioner}) => ({line, action, id, practitioner})),
  });

  if (input.dryRun) return result(await plan(db));
  try {
    return await db.transaction(async (tx) => {
      const planned = await plan(tx);
      await writeRows(tx, input.territory, planned);
      const summary = result(planned);
      await audit(tx, {
        territory: input.territory,
        actor: input.actor,
        action: 'practitioner.import',
        details: {rows: summary.rows, created: summary.created, updated: summary.updated, encoding, sha256: createHash('sha256').update(input.bytes).digest('hex')},
      });
      return summary;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ApiProblem(409, 'conflict', 'Import concurrent', {
        detail: "Des professionnels ont été ajoutés pendant l'import : rien n'a été importé, envoyez le fichier à nouveau.",
      });
    }
    throw error;
  }
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as {code?: unknown}).code === '23505';
}
