import {html, nothing, type TemplateResult} from 'lit';
import type {InternshipOffer} from '@cpts-kit/contract';
import {formatFrenchPhone, telHref} from '../internal/format.js';
import type {Translation} from '../translations/translation.js';
import {formatEuros, formatPeriod, paragraphs} from './offers-model.js';
import {mailtoHref} from '../internal/safe-url.js';

function contactLink(href: string | undefined, label: string): TemplateResult | typeof nothing {
  return href ? html`<p><a part="contact-link" class="button-link" href=${href}>${label}</a></p>` : nothing;
}
export interface DetailContext {
  t: Translation;
  lang: string;
  communeName: string;
  headingId: string;
}

const km = (value: number, lang: string) => new Intl.NumberFormat(lang, {maximumFractionDigits: 1}).format(value);

function housingItems(offer: InternshipOffer, {t, lang}: DetailContext): TemplateResult {
  const o = t.offers;
  if (offer.housing.length === 0) return html`<p>${o.noHousing}</p>`;
  return html`<ul>
    ${offer.housing.map(
      (h) => html`<li>
        <strong>${t.housingKinds[h.kind]}</strong>${h.monthlyCostEur === null ? nothing : html` — ${h.monthlyCostEur === 0 ? o.free : o.perMonth(formatEuros(h.monthlyCostEur, lang))}`}${
          h.distanceKm === null ? nothing : html`, ${o.distance(km(h.distanceKm, lang))}`
        }
        ${h.details ? html`<br />${h.details}` : nothing}
      </li>`,
    )}
  </ul>`;
}

function transportItems(offer: InternshipOffer, {t, lang}: DetailContext): TemplateResult {
  const o = t.offers;
  const tr = offer.transport;
  return html`<ul>
    <li>${tr.carNeeded ? o.carNeeded : o.carNotNeeded}</li>
    ${tr.stationDistanceKm === null ? nothing : html`<li>${o.station(km(tr.stationDistanceKm, lang))}</li>`}
    ${tr.vehicleProvided ? html`<li>${o.vehicleProvided}</li>` : nothing}
    ${tr.travelCostsPaid ? html`<li>${o.travelCostsPaid}</li>` : nothing}
    ${tr.details ? html`<li>${tr.details}</li>` : nothing}
  </ul>`;
}

function welcomeItems(offer: InternshipOffer, {t}: DetailContext): TemplateResult | typeof nothing {
  const o = t.offers;
  const w = offer.welcome;
  if (!w.discoveryKit && !w.welcomeDay && !w.referentName) return nothing;
  return html`<section>
    <h3>${o.welcome}</h3>
    <ul>
      ${w.discoveryKit ? html`<li>${o.discoveryKit}</li>` : nothing} ${w.welcomeDay ? html`<li>${o.welcomeDay}</li>` : nothing}
      ${w.referentName ? html`<li>${o.referent(w.referentName)}</li>` : nothing}
    </ul>
  </section>`;
}

function aidItems(offer: InternshipOffer, {t, lang}: DetailContext): TemplateResult {
  const o = t.offers;
  if (offer.financialAid.length === 0) return html`<p>${o.noAid}</p>`;
  return html`<ul>
    ${offer.financialAid.map((a) => html`<li>${o.aidFrom(formatEuros(a.amountEur, lang), a.from)}${a.conditions ? html`<br />${a.conditions}` : nothing}</li>`)}
  </ul>`;
}

/**
 * Everything an intern needs to choose, as text nodes only: every string of the offer comes from a
 * coordinator's form and is rendered through Lit bindings, never as HTML.
 */
export function renderOfferDetail(offer: InternshipOffer, ctx: DetailContext): TemplateResult {
  const {t, lang, communeName} = ctx;
  const o = t.offers;
  return html`
    <article part="detail" class="detail">
      <h2 id=${ctx.headingId} tabindex="-1" part="detail-title">${offer.title}</h2>
      <p class="meta">${t.offerKinds[offer.kind]} · ${offer.discipline} · ${o.places(offer.places)}</p>
      <section>
        <h3>${o.practice}</h3>
        <p>${offer.practiceName} — ${t.practiceTypes[offer.practiceType]}, ${communeName}</p>
        ${offer.supervisors.length > 0 ? html`<p><strong>${o.supervisors}</strong> : ${offer.supervisors.join(', ')}</p>` : nothing}
        <p><strong>${o.periods}</strong> : ${offer.periods.map((p) => formatPeriod(p, lang)).join(', ')}</p>
      </section>
      <section>
        <h3>${o.housing}</h3>
        ${housingItems(offer, ctx)}
      </section>
      <section>
        <h3>${o.transport}</h3>
        ${transportItems(offer, ctx)}
      </section>
      ${welcomeItems(offer, ctx)}
      <section>
        <h3>${o.aid}</h3>
        ${aidItems(offer, ctx)}
      </section>
      ${
        offer.description.trim()
          ? html`<section part="description">
            <h3>${o.description}</h3>
            ${paragraphs(offer.description).map((p) => html`<p class="para">${p}</p>`)}
          </section>`
          : nothing
      }
      <section>
        <h3>${o.contact}</h3>
        <p>
          ${offer.contact.name}${offer.contact.phone ? html` — <a href=${telHref(offer.contact.phone)}>${formatFrenchPhone(offer.contact.phone)}</a>` : nothing}
        </p>
        ${contactLink(mailtoHref(offer.contact.email, o.mailSubject(offer.title)), o.contactReferent)}
      </section>
    </article>
  `;
}
