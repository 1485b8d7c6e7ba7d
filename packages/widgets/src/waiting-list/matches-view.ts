import {html, nothing, type TemplateResult} from 'lit';
import type {Match, Proposal} from '@cpts-kit/contract';
import {formatFrenchPhone, telHref} from '../internal/format.js';
import type {Translation} from '../translations/translation.js';
import {reasonText} from './matches-model.js';

export interface MatchRowView {
  t: Translation;
  match: Match;
  checked: boolean;
  /** Why the server refused this practitioner, after a 409. */
  refusal: string | undefined;
  /** No practitioner chosen: the group's error. */
  invalid: boolean;
  toggle: (checked: boolean) => void;
}

/** Still open: proposing again would only be refused. */
const OPEN_STATUSES = new Set(['offered', 'pending', 'accepted']);

const when = (iso: string, lang: string) => new Intl.DateTimeFormat(lang, {dateStyle: 'medium'}).format(new Date(iso));

/** One practitioner: a checkbox named by them, their reasons and, after a refusal, why. */
export function renderMatchRow(v: MatchRowView): TemplateResult {
  const m = v.t.waitingList.matches;
  const {practitioner: p, proposal} = v.match;
  const id = `im-p-${p.id}`;
  const described = [`${id}-why`, proposal ? `${id}-already` : '', v.refusal ? `${id}-refused` : '', v.invalid ? 'im-chosen-error' : ''].filter(Boolean).join(' ');
  return html`<li class="match" data-id=${p.id} ?data-refused=${v.refusal !== undefined}>
    <input type="checkbox" id=${id} .checked=${v.checked} ?disabled=${proposal !== null && OPEN_STATUSES.has(proposal.status)}
      aria-describedby=${described} aria-invalid=${v.refusal ? 'true' : nothing} @change=${(e: Event) => v.toggle((e.target as HTMLInputElement).checked)} />
    <label for=${id}><strong>${p.displayName}</strong> — ${v.t.professions[p.profession]}, ${p.practiceName ? `${p.practiceName}, ` : ''}${p.communeName}</label>
    ${p.phone ? html`<a class="phone" href=${telHref(p.phone)}>${formatFrenchPhone(p.phone)}</a>` : nothing}
    <span class="reasons muted" id=${`${id}-why`}>${v.match.reasons.map((r) => reasonText(r, m)).join(' · ')}</span>
    ${proposal ? html`<span class="badge" id=${`${id}-already`}>${m.already(m.statuses[proposal.status])}</span>` : nothing}
    ${v.refusal ? html`<p class="field-error" id=${`${id}-refused`}>${v.refusal}</p>` : nothing}
  </li>`;
}

export interface ProposalsView {
  t: Translation;
  lang: string;
  proposals: readonly Proposal[];
  busy: boolean;
  /** Withdraws a pending proposal, or declines a practitioner's offer. */
  withdraw: (proposal: Proposal) => void;
  confirm: (proposal: Proposal) => void;
}

function proposalText(p: Proposal, v: ProposalsView): string {
  const m = v.t.waitingList.matches;
  const parts = [m.statuses[p.status], m.proposedOn(when(p.proposedAt, v.lang), p.proposedBy)];
  if (p.origin === 'practitioner') parts.push(m.fromPractitioner);
  if (p.declineReason) parts.push(m.declineReasons[p.declineReason]);
  if (p.declineNote) parts.push(p.declineNote);
  return parts.join(' · ');
}

/** « Retirer » for a proposal waiting for an answer; « Confirmer » or « Refuser » for a practitioner's offer. */
function renderAnswer(p: Proposal, v: ProposalsView): TemplateResult | typeof nothing {
  const m = v.t.waitingList.matches;
  const name = p.practitioner.displayName;
  if (p.status === 'pending') {
    return html`<button type="button" class="secondary" id=${`im-withdraw-${p.id}`} aria-label=${m.withdrawLabel(name)} ?disabled=${v.busy} @click=${() => v.withdraw(p)}>${m.withdraw}</button>`;
  }
  if (p.status !== 'offered') return nothing;
  return html`<div class="actions">
    <button type="button" id=${`im-confirm-${p.id}`} aria-label=${m.confirmOfferLabel(name)} ?disabled=${v.busy} @click=${() => v.confirm(p)}>${m.confirmOffer}</button>
    <button type="button" class="secondary" id=${`im-decline-${p.id}`} aria-label=${m.declineOfferLabel(name)} ?disabled=${v.busy} @click=${() => v.withdraw(p)}>${m.declineOffer}</button>
  </div>`;
}

/** The request's proposals, newest first, each with what the coordinator can still do about it. */
export function renderProposals(v: ProposalsView): TemplateResult {
  const m = v.t.waitingList.matches;
  return html`<h5 id="im-proposals" tabindex="-1">${m.proposalsHeading}</h5>
    ${
      v.proposals.length === 0
        ? html`<p>${m.noProposals}</p>`
        : html`<ul class="proposals" part="proposals" aria-labelledby="im-proposals">${v.proposals.map(
            (
              p,
            ) => html`<li data-status=${p.status} data-id=${p.id}><strong>${p.practitioner.displayName}</strong> — ${v.t.professions[p.practitioner.profession]} · ${proposalText(p, v)}
              ${p.note ? html`<div class="para">${p.note}</div>` : nothing}
              ${renderAnswer(p, v)}</li>`,
          )}</ul>`
    }`;
}
