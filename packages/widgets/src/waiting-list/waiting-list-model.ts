import type {AgeBand, IntakeEvent, IntakeStatus, WaitingListItem, WaitingListQuery, WaitingListSort, WaitingRequest} from '@cpts-kit/contract';

/** The list's filters as the controls hold them; `''` is « all ». */
export interface ListFilters {
  status: IntakeStatus | '';
  commune: string;
  priority: '' | 'yes' | 'no';
  homeVisits: boolean;
  ageBand: AgeBand | '';
  assigned: '' | 'me' | 'nobody';
  waitingMoreThan: string;
  sort: WaitingListSort;
}

export const noFilters = (): ListFilters => ({status: '', commune: '', priority: '', homeVisits: false, ageBand: '', assigned: '', waitingMoreThan: '', sort: 'triage'});

/** « more than N days »: a whole number of days, or nothing. */
export function waitingDaysOf(text: string): number | undefined | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (!/^\d{1,4}$/.test(trimmed) || Number(trimmed) > 3650) return 'invalid';
  return Number(trimmed);
}

/** The query the API takes for `filters` (the export leaves out the cursor). */
export function queryOf(filters: ListFilters): Omit<WaitingListQuery, 'cursor' | 'limit'> {
  const days = waitingDaysOf(filters.waitingMoreThan);
  const query: Omit<WaitingListQuery, 'cursor' | 'limit'> = {sort: filters.sort};
  if (filters.status) query.status = filters.status;
  if (filters.commune) query.commune = filters.commune;
  if (filters.priority) query.priority = filters.priority === 'yes';
  if (filters.homeVisits) query.homeVisits = true;
  if (filters.ageBand) query.ageBand = filters.ageBand;
  if (filters.assigned) query.assigned = filters.assigned;
  if (typeof days === 'number') query.waitingMoreThanDays = days;
  return query;
}

/** The lifecycle as the server allows it (forward, close, reopen a finished request). */
export const NEXT_STATUSES: Record<IntakeStatus, ReadonlyArray<Exclude<IntakeStatus, 'received'>>> = {
  received: ['contacted', 'oriented', 'closed'],
  contacted: ['oriented', 'resolved', 'closed'],
  oriented: ['contacted', 'resolved', 'closed'],
  resolved: ['contacted'],
  closed: ['contacted'],
};

/** A list's rows once another page arrives: a row the server sends twice (it moved) shows once. */
export function appendRows(rows: readonly WaitingListItem[], more: readonly WaitingListItem[]): WaitingListItem[] {
  const seen = new Set(rows.map((r) => r.id));
  return [...rows, ...more.filter((r) => !seen.has(r.id))];
}

/** The territory's coordinators and the names already seen as assignees, offered when assigning. */
export function knownAssignees(rows: readonly WaitingListItem[], opened?: WaitingRequest, coordinators: readonly string[] = []): string[] {
  const names = new Set<string>(coordinators);
  for (const r of rows) if (r.assignedTo) names.add(r.assignedTo);
  if (opened?.assignedTo) names.add(opened.assignedTo);
  for (const e of opened?.events ?? []) {
    if (e.assignedTo) names.add(e.assignedTo);
    if (e.by) names.add(e.by);
  }
  return [...names].sort((a, b) => a.localeCompare(b, 'fr'));
}

/** Events and calls of a request, newest first, each once. */
export function historyOf(request: WaitingRequest): IntakeEvent[] {
  const byId = new Map<string, IntakeEvent>();
  for (const e of [...request.events, ...request.calls]) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => b.at.localeCompare(a.at));
}

/** `2026-12-07T09:30` for a `datetime-local` input, in the browser's time. */
export function localDateTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}`;
}

/** A CSV's file name with the day in it. */
export const exportFileName = (territory: string, today = new Date()) => `liste-attente-${territory || 'cpts'}-${today.toISOString().slice(0, 10)}.csv`;

/** The person's name as a row shows it: « DUPONT Marie ». */
export const personName = (r: Pick<WaitingListItem, 'person'>) => `${r.person.lastName.toLocaleUpperCase('fr')} ${r.person.firstNames}`;
