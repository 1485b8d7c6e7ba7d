import {createHash} from 'node:crypto';
import {InseeCode, IntakeRequestCreate, type FieldError, type IntakeImportResult, type IntakeStatus} from '@cpts-kit/contract';
import type {Keys} from './crypto.js';
import {CsvEncodingError, CsvSyntaxError, decodeCsv, detectDelimiter, parseCsv, type CsvDelimiter, type CsvRecord} from './csv.js';
import type {Db} from './db/index.js';
import {insertBatch, type IntakeInsert} from './intake-writer.js';
import {FIELD_LABELS, frenchDate, HEADING_TO_FIELD, headingKey, reasonOf, REQUIRED, statusOf, tristate, type IntakeField} from './intake-import-columns.js';
import {prepareIntakeInsert} from './intake-rules.js';
import {ApiProblem} from './problems.js';
import {audit} from './territories.js';
import {sealNote} from './waiting-list-read.js';
import './validate.js';

/** A waiting list of 20,000 people is a large region's; past that, several files. */
export const MAX_INTAKE_IMPORT_ROWS = 20_000;
const MAX_ERRORS = 1000;
const PREVIEW_ROWS = 20;
const OPERATION = 'importIntakeRequests';
const PRIORITY_FIELDS = ['ald', 'cssAme', 'pregnancy', 'disability', 'homeVisits', 'chronicFollowUp'] as const;

export interface IntakeImportInput {
  territory: string;
  bytes: Uint8Array;
  charset?: string | undefined;
  dryRun: boolean;
  actor: string;
}

interface Planned {
  line: number;
  registeredOn: string;
  status: IntakeStatus;
  notes: string | undefined;
  body: IntakeRequestCreate;
}

class Errors {
  readonly items: FieldError[] = [];
  count = 0;
  add(line: number, field: IntakeField | null, column: string | null, code: string, message: string): void {
    this.count++;
    if (this.items.length >= MAX_ERRORS) return;
    const error: FieldError = {path: line === 0 ? 'file' : field ? `lines.${line}.${field}` : `lines.${line}`, code, message};
    if (line > 0) error.line = line;
    if (column) error.column = column;
    this.items.push(error);
  }
  problem(): ApiProblem {
    const shown = [...this.items];
    if (this.count > shown.length) shown.push({path: 'file', code: 'too_many_errors', message: `… et ${this.count - shown.length} autre(s) erreur(s) non listée(s)`});
    return new ApiProblem(422, 'import_invalid', 'Fichier à corriger', {
      detail: `${this.count} erreur(s) : rien n'a été importé. Corrigez le fichier puis envoyez-le à nouveau.`,
      errors: shown,
    });
  }
}

/** Maps a contract path (`person.birthDate`) back to the sheet's column. */
const FIELD_OF_PATH: Record<string, IntakeField> = {
  'person.lastName': 'lastName',
  'person.firstNames': 'firstNames',
  'person.birthDate': 'birthDate',
  'person.phone': 'phone',
  'person.email': 'email',
  'person.communeInsee': 'commune',
  'person.address': 'address',
  'person.bestTimeToCall': 'bestTimeToCall',
  'situation.reasonOther': 'reason',
  'requester.name': 'requesterName',
  'requester.phone': 'requesterPhone',
  comment: 'notes',
};

function readRecords(input: IntakeImportInput, errors: Errors): {records: CsvRecord[]; encoding: string; delimiter: CsvDelimiter} {
  try {
    const {text: raw, encoding} = decodeCsv(input.bytes, input.charset);
    const hint = /^sep=([;,\t])(\r\n|\n|\r|$)/i.exec(raw);
    const text = hint ? `${hint[2]}${raw.slice(hint[0].length)}` : raw;
    const delimiter = hint ? (hint[1] as CsvDelimiter) : detectDelimiter(text);
    return {records: parseCsv(text, delimiter), encoding, delimiter};
  } catch (error) {
    if (error instanceof CsvEncodingError) errors.add(0, null, null, error.code, error.message);
    else if (error instanceof CsvSyntaxError) errors.add(error.line, null, null, 'unclosed_quote', error.message);
    else throw error;
    throw errors.problem();
  }
}

interface CommuneRow {
  insee: string;
  name: string;
  postal_codes: string[];
}

/** A commune as written: its INSEE code, its name (« Saint-Omer », « ST OMER »), or a postal code only it has. */
function communeFinder(communes: CommuneRow[]): (text: string) => string | undefined {
  const byName = new Map(communes.map((c) => [headingKey(c.name).replace(/^saint/, 'st'), c.insee]));
  const byInsee = new Set(communes.map((c) => c.insee));
  return (text) => {
    const code = /^\d{4}$/.test(text) ? `0${text}` : text.toUpperCase();
    if (InseeCode.safeParse(code).success && byInsee.has(code)) return code;
    const postal = communes.filter((c) => c.postal_codes.includes(code));
    if (postal.length === 1) return postal[0]!.insee;
    return byName.get(headingKey(text).replace(/^saint/, 'st'));
  };
}

/** Reads and checks every line; with any error, nothing is written and a 422 lists them by line. */
export async function importIntakeCsv(db: Db, keys: Keys, input: IntakeImportInput): Promise<IntakeImportResult> {
  const errors = new Errors();
  const {records, encoding, delimiter} = readRecords(input, errors);
  const blank = (r: CsvRecord) => r.cells.every((cell) => cell.trim() === '');
  const known = (r: CsvRecord) => r.cells.filter((cell) => HEADING_TO_FIELD.has(headingKey(cell))).length;
  const headerIndex = records.slice(0, 10).findIndex((r) => known(r) >= 2);
  if (headerIndex < 0) {
    errors.add(0, null, null, 'missing_header', 'en-tête introuvable : la première ligne doit nommer les colonnes (nom, prénom, date de naissance, téléphone, commune…)');
    throw errors.problem();
  }
  const header = records[headerIndex]!;
  const rows = records.slice(headerIndex + 1).filter((r) => !blank(r));
  if (rows.length > MAX_INTAKE_IMPORT_ROWS) {
    errors.add(0, null, null, 'too_many_rows', `le fichier compte ${rows.length} lignes : importez-le en fichiers de ${MAX_INTAKE_IMPORT_ROWS} lignes au plus`);
    throw errors.problem();
  }
  const columnOf = new Map<IntakeField, number>();
  const columns = header.cells.map((raw, index) => {
    const field = HEADING_TO_FIELD.get(headingKey(raw)) ?? null;
    if (field && columnOf.has(field)) errors.add(header.line, field, raw.trim(), 'duplicate_column', `deux colonnes pour le champ ${FIELD_LABELS[field]}`);
    else if (field) columnOf.set(field, index);
    return {column: raw.trim(), field};
  });
  for (const field of REQUIRED) {
    if (!columnOf.has(field)) errors.add(header.line, field, null, 'missing_column', `colonne obligatoire absente : ${FIELD_LABELS[field]}`);
  }
  if (!columnOf.has('phone') && !columnOf.has('email'))
    errors.add(header.line, 'phone', null, 'missing_column', 'il faut une colonne téléphone (ou e-mail) pour rappeler les personnes');
  if (errors.count > 0) throw errors.problem();
  if (rows.length === 0) {
    errors.add(0, null, null, 'empty_file', "aucune personne sous l'en-tête");
    throw errors.problem();
  }

  const communes = await db.query<CommuneRow>('select insee, name, postal_codes from territory_communes where territory = $1', [input.territory]);
  const communeOf = communeFinder(communes);
  const today = new Date().toISOString().slice(0, 10);
  const planned: Planned[] = [];
  for (const record of rows) {
    const line = record.line;
    const before = errors.count;
    const column = (field: IntakeField) => header.cells[columnOf.get(field)!]?.trim() ?? null;
    const fail = (field: IntakeField, code: string, message: string) => errors.add(line, field, columnOf.has(field) ? column(field) : null, code, message);
    const value = (field: IntakeField): string | undefined => {
      const index = columnOf.get(field);
      const text = index === undefined ? '' : (record.cells[index] ?? '').trim();
      return text === '' ? undefined : text;
    };
    const dateField = (field: 'birthDate' | 'registeredOn'): string | undefined => {
      const text = value(field);
      if (text === undefined) return undefined;
      const iso = frenchDate(text);
      if (iso === null) fail(field, 'invalid_date', `${FIELD_LABELS[field]} illisible : « ${text} » (attendu JJ/MM/AAAA)`);
      else if (iso > today) fail(field, 'future_date', `${FIELD_LABELS[field]} dans le futur : « ${text} »`);
      return iso ?? undefined;
    };
    const birthDate = dateField('birthDate');
    const registeredOn = dateField('registeredOn') ?? today;
    const communeText = value('commune');
    const insee = communeText === undefined ? undefined : communeOf(communeText);
    if (communeText !== undefined && insee === undefined)
      fail('commune', 'unknown_commune', `commune inconnue du territoire : « ${communeText} » (nom, code INSEE ou code postal)`);
    const answer = (field: (typeof PRIORITY_FIELDS)[number]) => {
      const t = tristate(value(field));
      if (t === null) fail(field, 'invalid_answer', `${FIELD_LABELS[field]} : « ${value(field)} » (attendu oui, non ou vide)`);
      return t ?? 'unknown';
    };
    const priority = Object.fromEntries(PRIORITY_FIELDS.map((f) => [f, answer(f)])) as IntakeRequestCreate['priority'];
    const status = statusOf(value('status'));
    if (status === null) fail('status', 'invalid_status', `statut inconnu : « ${value('status')} » (reçue, contactée, orientée, résolue, close)`);
    let phone = value('phone');
    if (phone !== undefined && /^[1-9]\d{8}$/.test(phone)) phone = `0${phone}`;
    const requesterName = value('requesterName');
    const candidate = {
      requester: requesterName ? {kind: 'other_professional', name: requesterName, phone: value('requesterPhone')} : {kind: 'self'},
      person: {
        lastName: value('lastName'),
        firstNames: value('firstNames'),
        birthDate,
        phone,
        email: value('email'),
        bestTimeToCall: value('bestTimeToCall'),
        communeInsee: insee,
        address: value('address'),
      },
      situation: reasonOf(value('reason')),
      priority,
      consent: true,
    };
    if (errors.count > before) continue;
    const parsed = IntakeRequestCreate.safeParse(JSON.parse(JSON.stringify(candidate)));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = FIELD_OF_PATH[issue.path.join('.')] ?? null;
        errors.add(line, field, field && columnOf.has(field) ? column(field) : null, issue.code, field ? `${FIELD_LABELS[field]} : ${issue.message}` : issue.message);
      }
      continue;
    }
    planned.push({line, registeredOn, status: status ?? 'received', notes: value('notes')?.slice(0, 5000), body: parsed.data});
  }
  if (errors.count > 0) throw errors.problem();

  const result = (created: IntakeImportResult['created']): IntakeImportResult => ({
    dryRun: input.dryRun,
    rows: planned.length,
    encoding,
    delimiter,
    columns,
    preview: planned.slice(0, PREVIEW_ROWS).map((p) => ({
      line: p.line,
      lastName: p.body.person.lastName,
      firstNames: p.body.person.firstNames,
      communeInsee: p.body.person.communeInsee,
      registeredOn: p.registeredOn,
      status: p.status,
    })),
    created,
  });
  if (input.dryRun) return result([]);
  return db.transaction(async (tx) => {
    const created = await writePlanned(tx, keys, input, planned);
    await audit(tx, {
      territory: input.territory,
      actor: input.actor,
      action: 'intake.import',
      details: {rows: planned.length, encoding, sha256: createHash('sha256').update(input.bytes).digest('hex')},
    });
    return result(created);
  });
}

const CHUNK = 256;

async function writePlanned(tx: Db, keys: Keys, input: IntakeImportInput, planned: Planned[]): Promise<IntakeImportResult['created']> {
  const items: {plan: Planned; insert: IntakeInsert}[] = planned.map((plan) => ({
    plan,
    insert: prepareIntakeInsert(
      keys,
      {
        territory: input.territory,
        key: `import-${crypto.randomUUID()}`,
        operation: OPERATION,
        bodyHash: '',
        at: new Date(`${plan.registeredOn}T12:00:00Z`),
        channel: 'import',
        by: input.actor,
      },
      plan.body,
    ),
  }));
  const created: IntakeImportResult['created'] = [];
  for (let start = 0; start < items.length; start += CHUNK) {
    const chunk = items.slice(start, start + CHUNK);
    const rows = await insertBatch(
      tx,
      chunk.map((i) => i.insert),
    );
    const references = new Map(rows.map((r) => [r.id, r.reference]));
    for (const {plan, insert} of chunk) created.push({line: plan.line, id: insert.id, reference: references.get(insert.id)!});
  }
  const moved = items.filter((i) => i.plan.status !== 'received' || i.plan.notes);
  if (moved.length > 0) {
    await tx.query(
      `update intake_requests r set status = v.status, notes_encrypted = v.notes,
              close_reason = case when v.status = 'closed' then 'other' else null end
         from unnest($1::uuid[], $2::text[], $3::text[]) as v(id, status, notes) where r.id = v.id`,
      [moved.map((i) => i.insert.id), moved.map((i) => i.plan.status), moved.map((i) => sealNote(keys, i.plan.notes))],
    );
    const statused = moved.filter((i) => i.plan.status !== 'received');
    await tx.query(
      `insert into intake_status_history (id, request_id, status, by) select gen_random_uuid(), v.id, v.status, $3 from unnest($1::uuid[], $2::text[]) as v(id, status)`,
      [statused.map((i) => i.insert.id), statused.map((i) => i.plan.status), input.actor],
    );
  }
  await tx.query(
    `insert into intake_events (id, request_id, by, kind, details) select gen_random_uuid(), v.id, $2, 'import', jsonb_build_object('line', v.line) from unnest($1::uuid[], $3::int[]) as v(id, line)`,
    [items.map((i) => i.insert.id), input.actor, items.map((i) => i.plan.line)],
  );
  return created;
}
