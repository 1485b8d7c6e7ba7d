import {html, nothing, type TemplateResult} from 'lit';
import {live} from 'lit/directives/live.js';
import {Profession as ProfessionSchema, type Accepting, type PractitionerPublic, type Profession} from '@cpts-kit/contract';
import {formatFrenchPhone, telHref} from '../internal/format.js';
import type {Translation} from '../translations/translation.js';
import type {MapFilters} from './map-model.js';

/** The pins' shapes, as the map draws them (map/map-engine.ts): each colour also has its own sign. */
const KEYS: readonly [Accepting | 'unknown', string][] = [
  ['yes', '✓'],
  ['limited', '½'],
  ['no', '✕'],
  ['unknown', '?'],
];

export interface FilterOptions {
  filters: MapFilters;
  /** The professions to offer; every one when the territory is too large to know which are present. */
  professions: ReadonlySet<Profession> | undefined;
  onChange(patch: Partial<MapFilters>): void;
}

export function renderFilters(t: Translation, {filters, professions, onChange}: FilterOptions): TemplateResult {
  const offered = (ProfessionSchema.options as readonly Profession[]).filter((p) => !professions || professions.has(p) || p === filters.profession);
  return html`
    <fieldset class="filters" part="filters">
      <legend>${t.map.filters}</legend>
      <div class="filter">
        <label for="f-profession">${t.map.profession}</label>
        <select id="f-profession" @change=${(e: Event) => onChange({profession: (e.target as HTMLSelectElement).value as Profession | ''})}>
          <option value="" ?selected=${filters.profession === ''}>${t.map.anyProfession}</option>
          ${offered.map((p) => html`<option value=${p} ?selected=${filters.profession === p}>${t.professions[p]}</option>`)}
        </select>
      </div>
      <label class="check"><input id="f-accepts-new" type="checkbox" .checked=${live(filters.acceptsNew)}
        @change=${(e: Event) => onChange({acceptsNew: (e.target as HTMLInputElement).checked})}>${t.map.acceptsNew}</label>
      <label class="check"><input id="f-home" type="checkbox" .checked=${live(filters.homeVisits)}
        @change=${(e: Event) => onChange({homeVisits: (e.target as HTMLInputElement).checked})}>${t.map.homeVisits}</label>
    </fieldset>
  `;
}

/** What the markers mean, in words beside each shape and colour. With the filter on, only those who take patients are drawn. */
export function renderLegend(t: Translation, acceptsNewOnly: boolean): TemplateResult {
  const keys = acceptsNewOnly ? KEYS.filter(([k]) => k === 'yes' || k === 'limited') : KEYS;
  return html`
    <div class="legend" part="legend">
      <p class="legend-title" id="legend-title">${t.map.legend}</p>
      <ul aria-labelledby="legend-title">
        ${keys.map(
          ([key, glyph]) =>
            html`<li><span class="key pin-key" data-accepting=${key} aria-hidden="true">${glyph}</span><span>${key === 'unknown' ? t.map.legendUnknown : t.accepting[key]}</span></li>`,
        )}
        <li><span class="key cluster-key" aria-hidden="true">12</span><span>${t.map.legendCluster}</span></li>
      </ul>
    </div>
  `;
}

export interface DetailsOptions {
  lang: string;
  commune: string | undefined;
  close(): void;
}

/** The chosen practitioner's card, beside the list (its heading takes focus when chosen from the list). */
export function renderDetails(t: Translation, p: PractitionerPublic, {lang, commune, close}: DetailsOptions): TemplateResult {
  const a = p.availability;
  const date = a ? new Intl.DateTimeFormat(lang, {dateStyle: 'long'}).format(new Date(a.declaredAt)) : undefined;
  return html`
    <section class="details" part="details" aria-labelledby="details-title">
      <h3 id="details-title" tabindex="-1">${p.displayName}</h3>
      <p>${t.professions[p.profession]}</p>
      ${p.practiceName ? html`<p>${p.practiceName}</p>` : nothing}
      ${p.address || commune ? html`<p>${[p.address, commune].filter(Boolean).join(', ')}</p>` : nothing}
      ${p.phone ? html`<p><a href=${telHref(p.phone)} aria-label=${t.map.call(formatFrenchPhone(p.phone))}>${formatFrenchPhone(p.phone)}</a></p>` : nothing}
      ${
        a
          ? html`<ul class="facts">
            <li data-accepting=${a.accepting}>${t.accepting[a.accepting]}</li>
            <li>${a.homeVisits ? t.map.homeVisitsYes : t.map.homeVisitsNo}</li>
            ${a.teleconsultation ? html`<li>${t.map.teleconsultation}</li>` : nothing}
            <li class="muted">${t.map.updated(date!)}</li>
          </ul>`
          : nothing
      }
      <button type="button" class="secondary" @click=${close}>${t.map.close}</button>
    </section>
  `;
}
