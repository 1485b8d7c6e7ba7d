import {html, nothing, type TemplateResult} from 'lit';
import {live} from 'lit/directives/live.js';
import type {BoardRow} from '@cpts-kit/contract';
import {boardColumns, defaultColumns, orderColumns, type BoardColumn, type BoardFormat} from './board-columns.js';
import type {IndexedRow} from './board-model.js';

export interface TableState {
  /** The columns the coordinator chose, in this page's memory only. */
  columns: ReadonlySet<BoardColumn>;
  selectedId: string | undefined;
  setColumns(columns: ReadonlySet<BoardColumn>): void;
  select(row: BoardRow): void;
}

/** The freshness badge, and the declaration's date beside it. */
export function renderFreshness(format: BoardFormat, row: BoardRow): TemplateResult {
  const a = row.availability;
  return html`<span class="badge" data-freshness=${row.freshness}>${format.t.freshness[row.freshness]}</span>${
    a ? html` <span class="muted">${format.t.declaredOn(format.date(a.declaredAt))}</span>` : nothing
  }`;
}

function toggled(columns: ReadonlySet<BoardColumn>, column: BoardColumn, on: boolean): Set<BoardColumn> {
  const next = new Set(columns);
  if (on) next.add(column);
  else next.delete(column);
  return next;
}

/**
 * A disclosure (`<details>`: keyboard and screen readers know it) with one tick per column, so the
 * table fits its frame with what this coordinator reads, rather than scrolling sideways.
 */
export function renderColumnsMenu(format: BoardFormat, state: TableState): TemplateResult {
  const t = format.t;
  const isDefault = state.columns.size === defaultColumns.size && [...defaultColumns].every((c) => state.columns.has(c));
  return html`
    <details part="columns" class="columns">
      <summary>${t.columnsSummary(state.columns.size + 1, boardColumns.length + 1)}</summary>
      <fieldset aria-describedby="board-columns-hint">
        <legend class="visually-hidden">${t.columnsLegend}</legend>
        <p class="hint" id="board-columns-hint">${t.columnsHint}</p>
        <div class="column-checks">
          ${boardColumns.map(
            (column) => html`<label class="check"><input type="checkbox" id=${`board-column-${column}`} .checked=${live(state.columns.has(column))}
              @change=${(e: Event) => state.setColumns(toggled(state.columns, column, (e.target as HTMLInputElement).checked))} />${t.columns[column]}</label>`,
          )}
        </div>
        <!-- always there: a button that vanished once pressed would drop a keyboard user's focus to the page -->
        <div><button type="button" class="secondary" aria-disabled=${isDefault ? 'true' : 'false'} @click=${() => state.setColumns(defaultColumns)}>${t.columnsDefault}</button></div>
      </fieldset>
    </details>
  `;
}

function renderCell(format: BoardFormat, {row, communeName}: IndexedRow, column: BoardColumn): TemplateResult {
  switch (column) {
    case 'accepting':
      return html`<td data-column=${column} data-accepting=${row.availability?.accepting ?? 'none'}>${format.accepting(row)}</td>`;
    case 'freshness':
      return html`<td data-column=${column}>${renderFreshness(format, row)}</td>`;
    default:
      return html`<td data-column=${column}>${format.cell(row, communeName, column)}</td>`;
  }
}

/** The rows, in a focusable box that scrolls sideways only on a screen narrower than the columns chosen. */
export function renderTable(format: BoardFormat, rows: readonly IndexedRow[], total: number, state: TableState): TemplateResult {
  const t = format.t;
  const columns = orderColumns(state.columns);
  return html`
    <div class="table-wrap" part="list" role="region" aria-labelledby="board-caption" tabindex="0">
      <table>
        <caption id="board-caption">${t.caption}<span class="visually-hidden">, ${t.counts(rows.length, total)}</span></caption>
        <thead>
          <tr>
            <th scope="col" data-column="name">${t.columns.name}</th>
            ${columns.map((column) => html`<th scope="col" data-column=${column}>${t.columns[column]}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map((indexed) => {
            const row = indexed.row;
            const selected = state.selectedId === row.practitionerId;
            return html`<tr part="row" data-id=${row.practitionerId} data-freshness=${row.freshness} class=${selected ? 'selected' : ''}>
              <th scope="row" data-column="name">
                <button type="button" class="row-name" aria-pressed=${selected ? 'true' : 'false'} @click=${() => state.select(row)}>${row.displayName}</button>
                ${row.active ? nothing : html`<span class="badge inactive">${t.inactive}</span>`}
              </th>
              ${columns.map((column) => renderCell(format, indexed, column))}
            </tr>`;
          })}
        </tbody>
      </table>
    </div>
  `;
}
