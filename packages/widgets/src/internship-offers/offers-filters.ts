import {html, type TemplateResult} from 'lit';
import type {InternshipOffer, OfferKind} from '@cpts-kit/contract';
import type {Translation} from '../translations/translation.js';
import {facetOptions, formatPeriod, type OfferFilters} from './offers-model.js';

export interface OfferFiltersContext {
  strings: Translation;
  lang: string;
  offers: readonly InternshipOffer[];
  filters: OfferFilters;
  communeName: (insee: string) => string;
  setFilter: <K extends keyof OfferFilters>(key: K, value: OfferFilters[K]) => void;
}

/** The list's facets (only the values some offer has) and its search field. */
export function renderOfferFilters(c: OfferFiltersContext): TemplateResult {
  const t = c.strings;
  const o = t.offers;
  const lang = c.lang;
  const facets = facetOptions(c.offers);
  const f = c.filters;
  return html`
    <form part="filters" class="filters" role="search" aria-label=${o.filtersLegend} @submit=${(e: Event) => e.preventDefault()}>
      <div class="field search">
        <label for="offers-q">${o.search}</label>
        <p class="hint" id="offers-q-hint">${o.searchHint}</p>
        <input id="offers-q" type="search" aria-describedby="offers-q-hint" .value=${f.q} @input=${(e: Event) => c.setFilter('q', (e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="offers-kind">${o.kind}</label>
        <select id="offers-kind" @change=${(e: Event) => c.setFilter('kind', (e.target as HTMLSelectElement).value as OfferKind | '')}>
          <option value="" ?selected=${f.kind === ''}>${o.any}</option>
          ${facets.kinds.map((k) => html`<option value=${k} ?selected=${f.kind === k}>${t.offerKinds[k]}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="offers-discipline">${o.discipline}</label>
        <select id="offers-discipline" @change=${(e: Event) => c.setFilter('discipline', (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${f.discipline === ''}>${o.any}</option>
          ${facets.disciplines.map((d) => html`<option value=${d} ?selected=${f.discipline === d}>${d}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="offers-commune">${o.commune}</label>
        <select id="offers-commune" @change=${(e: Event) => c.setFilter('commune', (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${f.commune === ''}>${o.any}</option>
          ${facets.communes
            .map((insee) => ({insee, name: c.communeName(insee)}))
            .sort((a, b) => a.name.localeCompare(b.name, lang))
            .map((c) => html`<option value=${c.insee} ?selected=${f.commune === c.insee}>${c.name}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="offers-period">${o.period}</label>
        <select id="offers-period" @change=${(e: Event) => c.setFilter('period', (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${f.period === ''}>${o.any}</option>
          ${facets.periods.map((p) => html`<option value=${p} ?selected=${f.period === p}>${formatPeriod(p, lang)}</option>`)}
        </select>
      </div>
      <div class="field checkbox">
        <input id="offers-housing" type="checkbox" .checked=${f.housing} @change=${(e: Event) => c.setFilter('housing', (e.target as HTMLInputElement).checked)} />
        <label for="offers-housing">${o.housingOnly}</label>
      </div>
    </form>
  `;
}
