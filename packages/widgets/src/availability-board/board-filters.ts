import {html, nothing, type TemplateResult} from 'lit';
import {live} from 'lit/directives/live.js';
import {Profession as ProfessionSchema, type Accepting, type Freshness, type Profession} from '@cpts-kit/contract';
import type {Translation} from '../translations/translation.js';
import {boardSorts, hasFilters, noBoardFilters, type BoardFilters, type BoardSort, type IndexedRow} from './board-model.js';

const ACCEPTING: readonly Accepting[] = ['yes', 'limited', 'no'];
const FRESHNESS: readonly Freshness[] = ['fresh', 'stale', 'never'];

export interface FiltersState {
  filters: BoardFilters;
  sort: BoardSort;
  setFilter(patch: Partial<BoardFilters>): void;
  setSort(sort: BoardSort): void;
}

function renderSelect<T extends string>(
  id: string,
  label: string,
  value: string,
  any: string,
  options: readonly (readonly [T, string])[],
  onChange: (v: T | '') => void,
): TemplateResult {
  return html`<div class="filter">
    <label for=${id}>${label}</label>
    <select id=${id} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value as T | '')}>
      <option value="" ?selected=${value === ''}>${any}</option>
      ${options.map(([v, text]) => html`<option value=${v} ?selected=${value === v}>${text}</option>`)}
    </select>
  </div>`;
}

/**
 * Search, selects and ticks over every row: the professions and communes offered are those the
 * territory's rows have (plus the one chosen, so a choice never vanishes from its own list).
 */
export function renderFilters(rows: readonly IndexedRow[], state: FiltersState, strings: Translation): TemplateResult {
  const t = strings.board;
  const f = state.filters;
  const present = new Set(rows.map((r) => r.row.profession));
  const professions = (ProfessionSchema.options as readonly Profession[]).filter((p) => present.has(p) || p === f.profession);
  const communes = [...new Map(rows.map((r) => [r.row.communeInsee, r.communeName])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'fr'));
  const check = (id: string, label: string, key: 'homeVisits' | 'snp' | 'msu') =>
    html`<label class="check"><input id=${id} type="checkbox" .checked=${live(f[key])} @change=${(e: Event) => state.setFilter({[key]: (e.target as HTMLInputElement).checked})} />${label}</label>`;
  return html`
    <fieldset part="filters" class="board-filters">
      <legend>${t.filtersLegend}</legend>
      <div class="filter search">
        <label for="board-q">${t.search}</label>
        <input id="board-q" type="search" aria-describedby="board-q-hint" .value=${live(f.q)} @input=${(e: Event) => state.setFilter({q: (e.target as HTMLInputElement).value})} />
        <p class="hint" id="board-q-hint">${t.searchHint}</p>
      </div>
      <div class="filter-row">
        ${renderSelect(
          'board-profession',
          t.profession,
          f.profession,
          t.anyProfession,
          professions.map((p) => [p, strings.professions[p]] as const),
          (profession) => state.setFilter({profession}),
        )}
        ${renderSelect('board-commune', t.commune, f.commune, t.anyCommune, communes, (commune) => state.setFilter({commune}))}
        ${renderSelect(
          'board-accepting',
          t.accepting,
          f.accepting,
          t.anyAccepting,
          ACCEPTING.map((a) => [a, t.acceptingFilter[a]] as const),
          (accepting) => state.setFilter({accepting}),
        )}
        ${renderSelect(
          'board-freshness',
          t.freshnessFilter,
          f.freshness,
          t.anyFreshness,
          FRESHNESS.map((v) => [v, t.freshness[v]] as const),
          (freshness) => state.setFilter({freshness}),
        )}
        <div class="filter">
          <label for="board-sort">${t.sort}</label>
          <select id="board-sort" @change=${(e: Event) => state.setSort((e.target as HTMLSelectElement).value as BoardSort)}>
            ${boardSorts.map((s) => html`<option value=${s} ?selected=${state.sort === s}>${t.sorts[s]}</option>`)}
          </select>
        </div>
      </div>
      <div class="checks-row">
        ${check('board-home', t.homeVisits, 'homeVisits')} ${check('board-snp', t.snp, 'snp')} ${check('board-msu', t.msu, 'msu')}
      </div>
      ${hasFilters(f) ? html`<div><button type="button" class="secondary" @click=${() => state.setFilter(noBoardFilters)}>${t.reset}</button></div>` : nothing}
    </fieldset>
  `;
}
