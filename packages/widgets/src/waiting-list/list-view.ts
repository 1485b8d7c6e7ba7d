import {html, nothing, type TemplateResult} from 'lit';
import {AgeBand, IntakeStatus, type Commune, type StatusCounts, type WaitingListItem} from '@cpts-kit/contract';
import {renderSelectField, renderTextField, renderCheckboxField, type Choice} from '../coordinator/fields.js';
import type {Translation} from '../translations/translation.js';
import {personName, waitingDaysOf, type ListFilters} from './waiting-list-model.js';

/** What the list's view reads and calls back; the element holds the state. */
export interface ListView {
  t: Translation;
  communes: readonly Commune[];
  filters: ListFilters;
  counts: StatusCounts | undefined;
  rows: readonly WaitingListItem[] | undefined;
  nextCursor: string | null;
  loadingMore: boolean;
  /** The text searched, while the list shows a search's results. */
  searched: string | undefined;
  searchText: string;
  /** The « more than N days » field holds no whole number. */
  daysInvalid: boolean;
  setFilter: <K extends keyof ListFilters>(key: K, value: ListFilters[K]) => void;
  applyFilters: () => void;
  resetFilters: () => void;
  setStatus: (status: IntakeStatus | '') => void;
  setSearchText: (text: string) => void;
  search: () => void;
  clearSearch: () => void;
  more: () => void;
  open: (row: WaitingListItem) => void;
}

const total = (counts: StatusCounts) => IntakeStatus.options.reduce((sum, s) => sum + counts[s], 0);

function renderTabs(v: ListView): TemplateResult {
  const t = v.t;
  const w = t.waitingList;
  const counts = v.counts;
  const tab = (status: IntakeStatus | '', label: string, count: number | undefined) =>
    html`<li><button type="button" class="secondary" aria-pressed=${v.filters.status === status ? 'true' : 'false'} data-status=${status || 'all'}
      @click=${() => v.setStatus(status)}>${count === undefined ? label : w.tabLabel(label, count)}</button></li>`;
  return html`<ul class="tabs" part="tabs" aria-label=${w.statusTabs}>
    ${tab('', w.allStatuses, counts ? total(counts) : undefined)}
    ${IntakeStatus.options.map((s) => tab(s, t.intakeStatuses[s], counts?.[s]))}
  </ul>`;
}

function renderFilters(v: ListView): TemplateResult {
  const w = v.t.waitingList;
  const f = v.filters;
  const errorPrefix = v.t.coordinator.errorPrefix;
  const select = (key: 'commune' | 'priority' | 'ageBand' | 'assigned' | 'sort', label: string, choices: readonly Choice[]) =>
    renderSelectField({id: `wl-f-${key}`, label, errorPrefix, value: f[key], choices, onChange: (value) => v.setFilter(key, value)});
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    v.applyFilters();
  };
  return html`<form class="filters" part="filters" aria-label=${w.filters} @submit=${submit}>
    ${select('commune', w.commune, [{value: '', label: w.allCommunes}, ...v.communes.map((c) => ({value: c.insee, label: c.name}))])}
    ${select('priority', w.priority, [
      {value: '', label: w.priorityAny},
      {value: 'yes', label: w.priorityYes},
      {value: 'no', label: w.priorityNo},
    ])}
    ${select('ageBand', w.ageBand, [{value: '', label: w.allAges}, ...AgeBand.options.map((a) => ({value: a, label: w.ageBands[a]}))])}
    ${select('assigned', w.assigned, [
      {value: '', label: w.assignedAnyone},
      {value: 'me', label: w.assignedMe},
      {value: 'nobody', label: w.assignedNobody},
    ])}
    ${renderTextField({
      id: 'wl-f-days',
      label: w.waitingMoreThan,
      hint: w.waitingMoreThanHint,
      errorPrefix,
      inputmode: 'numeric',
      value: f.waitingMoreThan,
      error: v.daysInvalid ? w.waitingMoreThanInvalid : undefined,
      onInput: (value) => v.setFilter('waitingMoreThan', value),
    })}
    ${select(
      'sort',
      w.sort,
      (['triage', 'newest', 'oldest'] as const).map((s) => ({value: s, label: w.sorts[s]})),
    )}
    ${renderCheckboxField({id: 'wl-f-home', label: w.homeVisitsOnly, checked: f.homeVisits, onChange: (c) => v.setFilter('homeVisits', c)})}
    <div class="actions">
      <button type="submit">${w.applyFilters}</button>
      <button type="button" class="secondary" @click=${v.resetFilters}>${w.resetFilters}</button>
    </div>
  </form>`;
}

function renderSearch(v: ListView): TemplateResult {
  const w = v.t.waitingList;
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    v.search();
  };
  // a POST: the name or phone typed never reaches a URL or an access log
  return html`<form class="search" part="search" role="search" aria-label=${w.search} @submit=${submit}>
    ${renderTextField({id: 'wl-search', label: w.search, hint: w.searchHint, errorPrefix: v.t.coordinator.errorPrefix, type: 'search', value: v.searchText, onInput: v.setSearchText})}
    <div class="actions">
      <button type="submit">${w.searchButton}</button>
      ${v.searched !== undefined ? html`<button type="button" class="secondary" @click=${v.clearSearch}>${w.clearSearch}</button>` : nothing}
    </div>
  </form>`;
}

function renderRow(r: WaitingListItem, v: ListView): TemplateResult {
  const t = v.t;
  const w = t.waitingList;
  const name = personName(r);
  const commune = v.communes.find((c) => c.insee === r.person.communeInsee)?.name ?? r.person.communeInsee;
  return html`<tr part="row" data-id=${r.id} data-status=${r.status}>
    <td>${r.reference}</td>
    <th scope="row" class="name"><button type="button" class="link" id=${`wl-open-${r.id}`} aria-label=${w.open(name)} @click=${() => v.open(r)}>${name}</button></th>
    <td>${w.ageBands[r.ageBand]}</td>
    <td>${commune}</td>
    <td class="criteria"><span class="badges">${r.priorityCriteria.length === 0 ? html`<span class="muted">${w.none}</span>` : r.priorityCriteria.map((c) => html`<span class="badge priority">${t.priorityCriteria[c]}</span>`)}</span></td>
    <td class="num">${w.waitingDays(r.waitingDays)}</td>
    <td>${t.intakeStatuses[r.status]}</td>
    <td>${r.assignedTo ?? html`<span class="muted">${w.nobody}</span>`}</td>
  </tr>`;
}

function renderTable(v: ListView, rows: readonly WaitingListItem[]): TemplateResult {
  const w = v.t.waitingList;
  const c = w.columns;
  const counts = v.counts;
  const shown = v.filters.status && counts ? counts[v.filters.status] : counts ? total(counts) : rows.length;
  const caption = v.searched !== undefined ? w.searchResults(rows.length, v.searched) : w.shownOf(rows.length, shown);
  return html`<div class="table-wrap">
    <table class="dense" part="list">
      <caption>${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${c.reference}</th><th scope="col" class="name">${c.name}</th><th scope="col">${c.age}</th><th scope="col">${c.commune}</th>
          <th scope="col">${c.priority}</th><th scope="col" class="num">${c.waiting}</th><th scope="col">${c.status}</th><th scope="col">${c.assignee}</th>
        </tr>
      </thead>
      <tbody>${rows.map((r) => renderRow(r, v))}</tbody>
    </table>
  </div>`;
}

/** The list: counts per status as tabs, filters, search, the dense table, « Afficher plus ». */
export function renderList(v: ListView): TemplateResult {
  const w = v.t.waitingList;
  const rows = v.rows;
  const empty = v.counts !== undefined && total(v.counts) === 0 && v.searched === undefined && waitingDaysOf(v.filters.waitingMoreThan) === undefined;
  return html`
    ${renderTabs(v)}
    <details class="panel">
      <summary>${w.filters}</summary>
      ${renderFilters(v)}
    </details>
    ${renderSearch(v)}
    ${
      rows === undefined ? html`<p role="status">${v.t.loading}</p>` : rows.length === 0 ? html`<p part="empty">${empty ? w.noRequests : w.noMatch}</p>` : renderTable(v, rows)
    }
    ${
      v.nextCursor && v.searched === undefined
        ? html`<div class="actions"><button type="button" class="secondary" id="wl-more" ?disabled=${v.loadingMore} @click=${v.more}>${v.loadingMore ? w.loadingMore : w.showMore}</button></div>`
        : nothing
    }
  `;
}
