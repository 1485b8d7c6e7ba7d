import {isCptsApiError} from '@cpts-kit/sdk';
import type {Accepting, Availability, AvailabilityDeclaration, FieldError, PatientScope, Visibility} from '@cpts-kit/contract';

/** What the form holds while the practitioner answers: `accepting` is unset until they choose. */
export interface DeclarationDraft {
  accepting: Accepting | undefined;
  /** The text of the quota field, so an empty field stays empty rather than becoming 0. */
  monthlyQuota: string;
  patientScope: PatientScope[];
  scopeCommunes: string[];
  homeVisits: boolean;
  homeVisitCommunes: string[];
  snpSlotsThisWeek: number;
  teleconsultation: boolean;
  hostsInterns: boolean;
  visibility: Visibility;
  noteForCoordinator: string;
}

/** The fields a message can be shown under; a server error's `path` starts with one of them. */
export type DeclarationField =
  'accepting' | 'monthlyQuota' | 'patientScope' | 'scopeCommunes' | 'homeVisits' | 'homeVisitCommunes' | 'snpSlotsThisWeek' | 'visibility' | 'noteForCoordinator';

export const declarationFields: readonly DeclarationField[] = [
  'accepting',
  'monthlyQuota',
  'patientScope',
  'scopeCommunes',
  'homeVisits',
  'homeVisitCommunes',
  'snpSlotsThisWeek',
  'visibility',
  'noteForCoordinator',
];

export const MAX_COUNT = 500;

export function emptyDraft(): DeclarationDraft {
  return {
    accepting: undefined,
    monthlyQuota: '',
    patientScope: ['all'],
    scopeCommunes: [],
    homeVisits: false,
    homeVisitCommunes: [],
    snpSlotsThisWeek: 0,
    teleconsultation: false,
    hostsInterns: false,
    // a first declaration is public unless the practitioner says otherwise: the map is what patients see
    visibility: 'public',
    noteForCoordinator: '',
  };
}

/** The declaration as stored, without when and by whom: what "nothing has changed" sends again. */
export function declarationOf(current: Availability): AvailabilityDeclaration {
  return {
    accepting: current.accepting,
    monthlyQuota: current.monthlyQuota,
    patientScope: [...current.patientScope],
    scopeCommunes: [...current.scopeCommunes],
    homeVisits: current.homeVisits,
    homeVisitCommunes: [...current.homeVisitCommunes],
    snpSlotsThisWeek: current.snpSlotsThisWeek,
    teleconsultation: current.teleconsultation,
    hostsInterns: current.hostsInterns,
    visibility: current.visibility,
    noteForCoordinator: current.noteForCoordinator,
  };
}

export function draftOf(current: Availability | null): DeclarationDraft {
  if (!current) return emptyDraft();
  return {
    ...declarationOf(current),
    monthlyQuota: current.monthlyQuota === null ? '' : String(current.monthlyQuota),
    noteForCoordinator: current.noteForCoordinator ?? '',
  };
}

export type DraftProblem = {field: DeclarationField; kind: 'required' | 'scopeRequired' | 'communesRequired' | 'quotaInvalid'};

/** Checks what the server would refuse, so the practitioner hears about it before sending. */
export function checkDraft(draft: DeclarationDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!draft.accepting) problems.push({field: 'accepting', kind: 'required'});
  const takes = draft.accepting === 'yes' || draft.accepting === 'limited';
  if (takes && draft.monthlyQuota.trim() !== '') {
    const quota = Number(draft.monthlyQuota);
    if (!Number.isInteger(quota) || quota < 0 || quota > MAX_COUNT) problems.push({field: 'monthlyQuota', kind: 'quotaInvalid'});
  }
  if (takes && draft.patientScope.length === 0) problems.push({field: 'patientScope', kind: 'scopeRequired'});
  if (takes && draft.patientScope.includes('chosen_communes') && draft.scopeCommunes.length === 0) {
    problems.push({field: 'scopeCommunes', kind: 'communesRequired'});
  }
  return problems;
}

/**
 * The body of the PUT. Answers hidden by another answer are dropped (no quota when not taking
 * patients, no communes for home visits when there are none), so the stored declaration says
 * only what the practitioner saw.
 */
export function toDeclaration(draft: DeclarationDraft): AvailabilityDeclaration {
  const accepting = draft.accepting ?? 'no';
  const takes = accepting !== 'no';
  const scope = takes && draft.patientScope.length > 0 ? draft.patientScope : (['all'] as PatientScope[]);
  const quota = draft.monthlyQuota.trim();
  const note = draft.noteForCoordinator.trim();
  return {
    accepting,
    monthlyQuota: takes && quota !== '' ? Number(quota) : null,
    patientScope: scope,
    scopeCommunes: takes && scope.includes('chosen_communes') ? draft.scopeCommunes : [],
    homeVisits: draft.homeVisits,
    homeVisitCommunes: draft.homeVisits ? draft.homeVisitCommunes : [],
    snpSlotsThisWeek: draft.snpSlotsThisWeek,
    teleconsultation: draft.teleconsultation,
    hostsInterns: draft.hostsInterns,
    visibility: draft.visibility,
    noteForCoordinator: note === '' ? null : note,
  };
}

/** `scopeCommunes.2` → `scopeCommunes`; undefined for a path no field shows. */
export function fieldOfPath(path: string): DeclarationField | undefined {
  const head = path.split('.')[0] ?? '';
  return (declarationFields as readonly string[]).includes(head) ? (head as DeclarationField) : undefined;
}

/** Server field errors grouped by the field that shows them; the rest under `other`. */
export function groupFieldErrors(errors: readonly FieldError[]): {byField: Partial<Record<DeclarationField, string>>; other: string[]} {
  const byField: Partial<Record<DeclarationField, string>> = {};
  const other: string[] = [];
  for (const error of errors) {
    const field = fieldOfPath(error.path);
    if (field) byField[field] ??= error.message;
    else other.push(error.message);
  }
  return {byField, other};
}

/** Reads `token=…` from a URL fragment (`#token=abc`); the fragment never reaches a server. */
export function tokenFromFragment(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token')?.trim();
  return token ? token : undefined;
}

const DAY_MS = 86_400_000;

/** « 7 décembre 2026 à 09:30 »: when a declaration was saved. */
export function formatDate(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, {dateStyle: 'long', timeStyle: 'short'}).format(new Date(iso));
}

/** « il y a 12 jours », « hier », « aujourd’hui ». */
export function daysAgo(iso: string, lang: string): string {
  const days = Math.max(0, Math.floor((Date.now() - new Date(iso).getTime()) / DAY_MS));
  return new Intl.RelativeTimeFormat(lang, {numeric: 'auto'}).format(-days, 'day');
}

/** `list` with `value` in it (`on`) or out of it, once. */
export function toggled<T extends string>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
}

/** 401/403: the token is unknown, expired or revoked. */
export function isLinkRefused(error: unknown): boolean {
  return isCptsApiError(error) && (error.status === 401 || error.status === 403);
}
