import type {CloseReason, IntakeStatus, PriorityCriterion, WaitingListItem} from '@cpts-kit/contract';
import type {Keys} from './crypto.js';
import {toCsv} from './csv.js';
import type {Db} from './db/index.js';
import {filtersWhere, type WaitingFilters} from './waiting-list-query.js';
import {toItem, WAITING_SELECT, type WaitingRow} from './waiting-list-read.js';

const STATUS: Record<IntakeStatus, string> = {received: 'Reçue', contacted: 'Contactée', oriented: 'Orientée', resolved: 'Solution trouvée', closed: 'Close'};
const CLOSE: Record<CloseReason, string> = {
  found_via_cpts: 'Médecin trouvé par la CPTS',
  found_alone: 'Médecin trouvé seul(e)',
  moved_away: 'A déménagé',
  unreachable: 'Injoignable',
  duplicate: 'Doublon',
  withdrew: 'Renonce',
  other: 'Autre',
};
const CRITERIA: Record<PriorityCriterion, string> = {
  age_70_plus: '70 ans ou plus',
  under_6: 'Moins de 6 ans',
  ald: 'ALD',
  css_ame: 'CSS / AME',
  pregnancy: 'Grossesse',
  disability: 'Handicap',
  home_visits: 'Visites à domicile',
  chronic_follow_up: 'Suivi chronique',
};
const CHANNEL: Record<WaitingListItem['channel'], string> = {form: 'Formulaire en ligne', phone: 'Téléphone', paper: 'Formulaire papier', import: 'Import'};

const HEADER = [
  'Référence',
  'Statut',
  'Inscrit(e) le',
  'Jours d’attente',
  'Canal',
  'Nom',
  'Prénoms',
  'Date de naissance',
  'Téléphone',
  'E-mail',
  'Code INSEE',
  'Adresse',
  'Critères de priorité',
  'Attribuée à',
  'Appels',
  'Motif de clôture',
  'Doublon probable de',
];

// built once: a DateTimeFormat costs far more to make than to use (10,000 rows took seconds)
const PARIS_DATE = new Intl.DateTimeFormat('fr-FR', {timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric'});

/** JJ/MM/AAAA in Paris time, as a French spreadsheet reads dates. */
export function dateFr(value: string | Date): string {
  const [day, month, year] = PARIS_DATE.format(new Date(value)).split('/');
  return `${day}/${month}/${year}`;
}

const isoToFr = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The filtered list as CSV (every page, triage order), and how many rows it holds. */
export async function exportWaitingCsv(db: Db, keys: Keys, territory: string, f: WaitingFilters, me: string): Promise<{csv: string; rows: number}> {
  const where = filtersWhere(territory, f, me);
  if (f.status) where.add((p) => `r.status = ${p}`, f.status);
  const rows = await db.query<WaitingRow>(`${WAITING_SELECT} where ${where.sql} order by r.triage_rank, r.created_at, r.id`, where.params);
  const references = new Map(rows.map((r) => [r.id, r.reference]));
  const now = new Date();
  const lines = rows.map((row) => {
    const item = toItem(row, keys, [], now);
    return [
      item.reference,
      STATUS[item.status],
      dateFr(item.createdAt),
      String(item.waitingDays),
      CHANNEL[item.channel],
      item.person.lastName,
      item.person.firstNames,
      isoToFr(item.person.birthDate),
      item.person.phone ?? '',
      item.person.email ?? '',
      item.person.communeInsee,
      item.person.address ?? '',
      item.priorityCriteria.map((c) => CRITERIA[c]).join(', '),
      item.assignedTo ?? '',
      String(item.callCount),
      item.closeReason ? CLOSE[item.closeReason] : '',
      item.possibleDuplicateOf ? (references.get(item.possibleDuplicateOf) ?? item.possibleDuplicateOf) : '',
    ];
  });
  return {csv: toCsv(HEADER, lines), rows: rows.length};
}
