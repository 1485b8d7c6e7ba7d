import {html, nothing, type TemplateResult} from 'lit';
import type {BoardRow} from '@cpts-kit/contract';
import {renderActionMenu} from '../coordinator/action-menu.js';
import type {CoordinatorStrings} from '../coordinator/coordinator-strings.js';
import type {Confirming} from './manager-panels.js';
import type {PractitionerManagerStrings} from './practitioner-manager-strings.js';

export interface PractitionerTableContext {
  s: PractitionerManagerStrings;
  coordinator: CoordinatorStrings;
  profession: (row: BoardRow) => string;
  commune: (row: BoardRow) => string;
  /** The practitioner whose menu is open. */
  menuOf: string | undefined;
  setMenu: (id: string | undefined) => void;
  edit: (row: BoardRow) => void;
  setActive: (row: BoardRow, active: boolean) => void;
  issueLink: (row: BoardRow) => void;
  ask: (kind: Confirming['kind'], row: BoardRow) => void;
}

/** A row's menu toggle (its id is `pm-menu-<id>`): where focus goes back to once one of its actions is done. */
export const menuSelector = (id: string) => `#pm-menu-${CSS.escape(id)}`;

function renderRow(row: BoardRow, c: PractitionerTableContext): TemplateResult {
  const s = c.s;
  const name = row.displayName;
  return html`<tr part="row" data-id=${row.practitionerId} data-active=${row.active ? 'true' : 'false'}>
    <th scope="row">${name}${row.active ? nothing : html` <span class="badge badge-inactive">${s.inactive}</span>`}</th>
    <td>${c.profession(row)}</td>
    <td>${c.commune(row)}</td>
    <td>${s.freshness[row.freshness]}</td>
    <td>
      ${renderActionMenu({
        id: `pm-menu-${row.practitionerId}`,
        label: s.actions,
        name: c.coordinator.actionsFor(name),
        open: c.menuOf === row.practitionerId,
        onToggle: (open) => c.setMenu(open ? row.practitionerId : undefined),
        actions: [
          {label: s.edit, name: s.editName(name), run: () => c.edit(row)},
          row.active
            ? {label: s.deactivate, name: s.deactivateName(name), run: () => c.setActive(row, false)}
            : {label: s.reactivate, name: s.reactivateName(name), run: () => c.setActive(row, true)},
          {label: s.issueLink, name: s.issueLinkName(name), run: () => c.issueLink(row)},
          {label: s.revokeLinks, name: s.revokeLinksName(name), run: () => c.ask('revoke', row)},
          {label: s.remove, name: s.removeName(name), run: () => c.ask('delete', row)},
        ],
      })}
    </td>
  </tr>`;
}

/** The practitioners as a dense table: one row each, one menu of actions per row. */
export function renderPractitionerTable(rows: readonly BoardRow[], c: PractitionerTableContext): TemplateResult {
  const s = c.s;
  return html`<div class="table-wrap">
    <table part="list">
      <caption class="visually-hidden">${s.listCaption}</caption>
      <thead>
        <tr>
          <th scope="col">${s.columnName}</th>
          <th scope="col">${s.columnProfession}</th>
          <th scope="col">${s.columnCommune}</th>
          <th scope="col">${s.columnFreshness}</th>
          <th scope="col"><span class="visually-hidden">${s.columnActions}</span></th>
        </tr>
      </thead>
      <tbody>${rows.map((r) => renderRow(r, c))}</tbody>
    </table>
  </div>`;
}
