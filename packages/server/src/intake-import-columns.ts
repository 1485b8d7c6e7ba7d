import type {IntakeReason, IntakeStatus, Tristate} from '@cpts-kit/contract';

/** The fields a waiting list's columns can hold. */
export type IntakeField =
  | 'lastName'
  | 'firstNames'
  | 'birthDate'
  | 'phone'
  | 'email'
  | 'commune'
  | 'address'
  | 'bestTimeToCall'
  | 'registeredOn'
  | 'reason'
  | 'ald'
  | 'cssAme'
  | 'pregnancy'
  | 'disability'
  | 'homeVisits'
  | 'chronicFollowUp'
  | 'status'
  | 'notes'
  | 'requesterName'
  | 'requesterPhone';

/** Headings compared without case, accents, spaces or punctuation: « Date de naissance », « DATE NAISSANCE », « date_naissance ». */
export function headingKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** What coordinators write at the top of their sheets (seen in CPTS waiting lists and Citana exports). */
const NAMES: Record<IntakeField, string[]> = {
  lastName: ['nom', 'nomdefamille', 'nomdusage', 'nompatient', 'nomdupatient', 'patientnom', 'lastname', 'nomdenaissance'],
  firstNames: ['prenom', 'prenoms', 'prenompatient', 'firstname', 'firstnames'],
  birthDate: ['datedenaissance', 'datenaissance', 'naissance', 'ddn', 'nele', 'nee', 'neele', 'birthdate', 'datedenais'],
  phone: ['telephone', 'tel', 'portable', 'telephoneportable', 'numerodetelephone', 'telpatient', 'telephonepatient', 'phone', 'mobile', 'numero'],
  email: ['email', 'mail', 'courriel', 'adresseemail', 'adressemail'],
  commune: ['commune', 'ville', 'localite', 'codeinsee', 'insee', 'communeinsee', 'communederesidence', 'lieuderesidence', 'communeinsee'],
  address: ['adresse', 'adressepostale', 'rue', 'address'],
  bestTimeToCall: ['horaires', 'horairesdappel', 'meilleurmomentpourappeler', 'disponibilites', 'arappelerle', 'creneau'],
  registeredOn: [
    'datedinscription',
    'dateinscription',
    'inscritle',
    'inscritele',
    'inscriptionle',
    'datedemande',
    'datedelademande',
    'datedappel',
    'dateappel',
    'recule',
    'date',
    'dateentree',
    'datedentree',
  ],
  reason: ['motif', 'raison', 'motifdelademande', 'situation', 'pourquoi', 'motifrecherche'],
  ald: ['ald', 'affectiondelongueduree'],
  cssAme: ['cssame', 'css', 'ame', 'c2s', 'cmu', 'cmuc', 'complementairesantesolidaire'],
  pregnancy: ['grossesse', 'enceinte'],
  disability: ['handicap', 'situationdehandicap'],
  homeVisits: ['visitesadomicile', 'visiteadomicile', 'vad', 'domicile', 'besoindevisitesadomicile'],
  chronicFollowUp: ['suivichronique', 'maladiechronique', 'pathologiechronique'],
  status: ['statut', 'etat', 'status', 'suivi'],
  notes: ['remarques', 'remarque', 'commentaire', 'commentaires', 'notes', 'note', 'observations', 'observation', 'informations'],
  requesterName: ['demandeur', 'inscritpar', 'orientepar', 'adressepar', 'aidant'],
  requesterPhone: ['teldemandeur', 'telephonedemandeur', 'telaidant', 'telephoneaidant'],
};

export const HEADING_TO_FIELD = new Map<string, IntakeField>(Object.entries(NAMES).flatMap(([field, names]) => names.map((n) => [n, field as IntakeField] as const)));

export const FIELD_LABELS: Record<IntakeField, string> = {
  lastName: 'nom',
  firstNames: 'prénom',
  birthDate: 'date de naissance',
  phone: 'téléphone',
  email: 'e-mail',
  commune: 'commune',
  address: 'adresse',
  bestTimeToCall: 'horaires d’appel',
  registeredOn: 'date d’inscription',
  reason: 'motif',
  ald: 'ALD',
  cssAme: 'CSS / AME',
  pregnancy: 'grossesse',
  disability: 'handicap',
  homeVisits: 'visites à domicile',
  chronicFollowUp: 'suivi chronique',
  status: 'statut',
  notes: 'remarques',
  requesterName: 'demandeur',
  requesterPhone: 'téléphone du demandeur',
};

export const REQUIRED: IntakeField[] = ['lastName', 'firstNames', 'birthDate', 'commune'];

/** JJ/MM/AAAA (also JJ/MM/AA, JJ-MM-AAAA, JJ.MM.AAAA) or AAAA-MM-JJ; an ISO date, or null. */
export function frenchDate(text: string, today = new Date()): string | null {
  let y: number;
  let m: number;
  let d: number;
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (fr) {
    d = Number(fr[1]);
    m = Number(fr[2]);
    y = Number(fr[3]);
    // a two-digit year is of this century unless that would be in the future
    if (fr[3]!.length === 2) y += 2000 + y > today.getUTCFullYear() ? 1900 : 2000;
  } else if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else {
    return null;
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

const YES = new Set(['oui', 'o', 'x', '1', 'vrai', 'yes', 'y', 'true', 'ok']);
const NO = new Set(['non', 'n', '0', 'faux', 'no', 'false']);
const UNKNOWN = new Set(['', 'nsp', 'ne sait pas', 'inconnu', '?', 'nc', 'non connu', 'je ne sais pas']);

export function tristate(text: string | undefined): Tristate | null {
  const t = (text ?? '').trim().toLowerCase();
  if (YES.has(t)) return 'yes';
  if (NO.has(t)) return 'no';
  if (UNKNOWN.has(t)) return 'unknown';
  return null;
}

/** The reason as written (« départ en retraite du Dr X »), or `other` with the text kept. */
export function reasonOf(text: string | undefined): {reason: IntakeReason; reasonOther?: string} {
  const t = headingKey(text ?? '');
  if (t === '') return {reason: 'other', reasonOther: 'non précisé dans la liste importée'};
  if (/retrait|retire|cessation|depart|deced/.test(t)) return {reason: 'gp_retired'};
  if (/demenag|arriv|nouveau|installe|emmenag/.test(t)) return {reason: 'moved_in'};
  if (/loin|distance|eloign/.test(t)) return {reason: 'too_far'};
  if (/domicile|deplac/.test(t)) return {reason: 'no_home_visits'};
  if (/jamais|aucun/.test(t)) return {reason: 'never_had'};
  if (/rupture|relation|conflit|refus/.test(t)) return {reason: 'relationship_ended'};
  return {reason: 'other', reasonOther: (text ?? '').trim().slice(0, 300)};
}

export function statusOf(text: string | undefined): IntakeStatus | null {
  const t = headingKey(text ?? '');
  if (t === '' || /^(recue?|nouvel(le)?|enattente|attente|aappeler|arappeler|received)$/.test(t)) return 'received';
  if (/^(contacte|contactee|appele|appelee|encours|contacted)/.test(t)) return 'contacted';
  if (/^(oriente|orientee|oriented|propose|proposee)/.test(t)) return 'oriented';
  if (/^(resolu|resolue|trouve|trouvee|solution|medecintrouve|resolved)/.test(t)) return 'resolved';
  if (/^(clos|close|cloture|cloturee|ferme|fermee|abandon|closed|annule|annulee)/.test(t)) return 'closed';
  return null;
}
