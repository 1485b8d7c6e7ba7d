import {html, nothing, type TemplateResult} from 'lit';
import type {BoardRow, Commune, IntakeEvent, WaitingRequest} from '@cpts-kit/contract';
import {formatFrenchPhone, telHref} from '../internal/format.js';
import type {Translation} from '../translations/translation.js';
import {historyOf, personName} from './waiting-list-model.js';
import {emailLink} from '../internal/safe-url.js';

export interface DetailView {
  t: Translation;
  lang: string;
  communes: readonly Commune[];
  practitioners: readonly BoardRow[];
  request: WaitingRequest;
  back: () => void;
  /** Opens another request (a duplicate, a merged one). */
  openId: (id: string) => void;
}

const isoDay = (iso: string, lang: string) => new Intl.DateTimeFormat(lang, {dateStyle: 'medium', timeZone: 'UTC'}).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
const when = (iso: string, lang: string) => new Intl.DateTimeFormat(lang, {dateStyle: 'medium', timeStyle: 'short'}).format(new Date(iso));

function phoneLink(phone: string | undefined): TemplateResult | typeof nothing {
  return phone ? html`<a href=${telHref(phone)}>${formatFrenchPhone(phone)}</a>` : nothing;
}

/** One fact of the request, left out when the person gave nothing. */
function fact(label: string, value: TemplateResult | string | undefined | null | typeof nothing): TemplateResult | typeof nothing {
  if (value === undefined || value === null || value === '' || value === nothing) return nothing;
  return html`<dt>${label}</dt><dd>${value}</dd>`;
}

function renderPerson(v: DetailView): TemplateResult {
  const w = v.t.waitingList;
  const p = v.request.person;
  const commune = v.communes.find((c) => c.insee === p.communeInsee)?.name ?? p.communeInsee;
  return html`<section aria-labelledby="wl-d-person"><h4 id="wl-d-person">${w.sectionPerson}</h4><dl>
    ${fact(w.birthDate, isoDay(p.birthDate, v.lang))} ${fact(w.phone, phoneLink(p.phone))}
    ${fact(w.email, p.email ? emailLink(p.email) : undefined)} ${fact(w.bestTimeToCall, p.bestTimeToCall)}
    ${fact(w.commune, commune)} ${fact(w.address, p.address)}
  </dl></section>`;
}

function renderRequester(v: DetailView): TemplateResult {
  const t = v.t;
  const w = t.waitingList;
  const r = v.request.requester;
  const self = r.kind === 'self';
  // who to call back: the helper when the person has no phone of their own
  const callBack = self || v.request.person.phone ? w.callPerson : w.callRequester;
  return html`<section aria-labelledby="wl-d-requester"><h4 id="wl-d-requester">${w.sectionRequester}</h4><dl>
    ${fact(w.channel, w.channels[v.request.channel])} ${fact(w.registeredOn, when(v.request.createdAt, v.lang))}
    ${fact(w.sectionRequester, t.requesterKinds[r.kind])} ${fact(w.requesterName, r.name)} ${fact(w.phone, phoneLink(r.phone))}
    ${fact(w.organisation, r.organisation)} ${fact(w.callBack, callBack)}
  </dl></section>`;
}

function renderSituation(v: DetailView): TemplateResult {
  const t = v.t;
  const w = t.waitingList;
  const s = v.request.situation;
  const criteria = v.request.priorityCriteria;
  return html`<section aria-labelledby="wl-d-situation"><h4 id="wl-d-situation">${w.sectionSituation}</h4><dl>
    ${fact(w.reason, t.intakeReasons[s.reason])} ${fact(w.reason, s.reasonOther)} ${fact(w.since, s.since ? isoDay(s.since, v.lang) : undefined)}
    ${fact(w.comment, v.request.comment ? html`<span class="para">${v.request.comment}</span>` : undefined)}
  </dl>
  <h4>${w.sectionPriority}</h4>
  ${
    criteria.length === 0
      ? html`<p>${w.noCriteria}</p>`
      : html`<ul class="badges" part="criteria">${criteria.map((c) => html`<li class="badge priority">${t.priorityCriteria[c]}</li>`)}</ul>`
  }
  </section>`;
}

function eventText(e: IntakeEvent, v: DetailView): string {
  const t = v.t;
  const w = t.waitingList;
  const parts: string[] = [w.events[e.kind]];
  if (e.outcome) parts.push(w.outcomes[e.outcome]);
  if (e.to) parts.push(`${e.from ? `${t.intakeStatuses[e.from]} → ` : ''}${t.intakeStatuses[e.to]}`);
  if (e.closeReason) parts.push(w.closeReasons[e.closeReason]);
  if (e.assignedTo !== undefined) parts.push(e.assignedTo ?? w.nobody);
  if (e.otherReference) parts.push(e.otherReference);
  return parts.join(' · ');
}

function renderHistory(v: DetailView): TemplateResult {
  const w = v.t.waitingList;
  const events = historyOf(v.request);
  return html`<section aria-labelledby="wl-d-history" part="history"><h4 id="wl-d-history">${w.sectionHistory}</h4>
    ${
      events.length === 0
        ? html`<p>${w.noHistory}</p>`
        : html`<ol class="history">${events.map(
            (e) => html`<li data-kind=${e.kind}><time datetime=${e.at}>${when(e.at, v.lang)}</time> — ${eventText(e, v)} <span class="muted">${w.eventBy(e.by)}</span>
            ${e.note ? html`<div class="para">${e.note}</div>` : nothing}</li>`,
          )}</ol>`
    }
  </section>`;
}

function renderLinks(v: DetailView): TemplateResult | typeof nothing {
  const w = v.t.waitingList;
  const r = v.request;
  const resolvedWith = r.resolvedPractitionerId ? v.practitioners.find((p) => p.practitionerId === r.resolvedPractitionerId)?.displayName : undefined;
  if (!r.mergedInto && r.merged.length === 0 && !r.closeReason && !resolvedWith) return nothing;
  return html`<dl>
    ${fact(w.closedBecause, r.closeReason ? w.closeReasons[r.closeReason] : undefined)} ${fact(w.resolvedWith, resolvedWith)}
    ${fact(w.mergedInto, r.mergedInto ? html`<button type="button" class="link" @click=${() => v.openId(r.mergedInto ?? '')}>${w.mergedInto}</button>` : undefined)}
    ${fact(w.mergedFrom, r.merged.length ? r.merged.map((m) => m.reference).join(', ') : undefined)}
  </dl>`;
}

/** What the request holds: the person, who asked and who to call back, the situation and criteria, the history. */
export function renderDetail(v: DetailView, actions: TemplateResult): TemplateResult {
  const w = v.t.waitingList;
  const r = v.request;
  return html`<article class="detail" part="detail" aria-labelledby="wl-d-title">
    <div class="toolbar">
      <button type="button" class="secondary" id="wl-back" @click=${v.back}>${w.back}</button>
    </div>
    <h3 id="wl-d-title" tabindex="-1">${w.requestTitle(r.reference)} — ${personName(r)}</h3>
    <p class="badges"><span class="badge">${v.t.intakeStatuses[r.status]}</span> <span class="badge">${w.waitingDays(r.waitingDays)}</span>
      <span class="badge">${w.callCount(r.callCount)}</span> <span class="badge">${w.columns.assignee}${v.t.labelSeparator}${r.assignedTo ?? w.nobody}</span></p>
    ${renderLinks(v)}
    <div class="detail-grid">${renderPerson(v)} ${renderRequester(v)} ${renderSituation(v)}</div>
    ${actions}
    ${renderHistory(v)}
  </article>`;
}
