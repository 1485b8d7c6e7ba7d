import {html, nothing, type TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {live} from 'lit/directives/live.js';
import {INTAKE_REASONS, REQUESTER_KINDS, TRISTATES, type Territory} from '@cpts-kit/contract';
import {formatFrenchPhone, telHref} from '../internal/format.js';
import {agePriority, COMMENT_MAX, communeLabel, fieldIds, matchCommune, priorityQuestions, type PriorityQuestion} from './form-model.js';
import type {IntakeFormStrings} from './intake-strings.js';
import {dateFields, describedBy, errorFor, fieldLabel, onText, radioGroup, renderError, textField, type FormView} from './form-fields.js';
import {safeHref} from '../internal/safe-url.js';

function isHelped(view: FormView): boolean {
  return view.values.requesterKind !== '' && view.values.requesterKind !== 'self';
}

/** Who fills the form, and the helper's own details when it is not the person. */
export function whoSection(t: IntakeFormStrings, view: FormView): TemplateResult {
  return html`
    ${radioGroup(t, view, {
      name: 'requester-kind',
      legend: t.whoLegend,
      choices: REQUESTER_KINDS,
      labelOf: (kind) => t.whoKinds[kind],
      value: view.values.requesterKind,
      onPick: (kind) => view.set('requesterKind', kind),
      field: 'requester.kind',
    })}
    ${
      isHelped(view)
        ? html`
          <fieldset class="section">
            <legend class="section-title">${t.helperLegend}</legend>
            ${textField(t, view, {field: 'requester.name', label: t.helperName, value: 'requesterName', autocomplete: 'name', maxlength: 120})}
            ${textField(t, view, {
              field: 'requester.phone',
              label: t.helperPhone,
              hint: t.helperPhoneHint,
              value: 'requesterPhone',
              type: 'tel',
              autocomplete: 'tel',
              inputmode: 'tel',
              wide: false,
            })}
            ${textField(t, view, {
              field: 'requester.organisation',
              label: t.helperOrganisation,
              value: 'requesterOrganisation',
              optional: true,
              autocomplete: 'organization',
              maxlength: 160,
            })}
          </fieldset>
        `
        : nothing
    }
  `;
}

/** The commune box: a name, a postal code or an option; a choice when a postal code is shared. */
function communeField(t: IntakeFormStrings, view: FormView, territory: Territory | undefined, pickCommune: (label: string) => void): TemplateResult {
  const id = fieldIds['person.communeInsee'];
  const error = errorFor(view, 'person.communeInsee');
  // before the territory arrives the box takes text like any other; what it designates is told after
  const match = territory ? matchCommune(view.values.commune, territory.communes) : {status: 'empty' as const};
  const phone = formatFrenchPhone(territory?.phone ?? '');
  const choices =
    match.status === 'several'
      ? html`
          <div class="commune-choices" id="commune-choices">
            <p>${t.communeSeveral}</p>
            <ul>
              ${match.communes.map(
                (commune) =>
                  html`<li><button type="button" class="link-button" @click=${() => pickCommune(communeLabel(commune))}>${t.communePick(communeLabel(commune))}</button></li>`,
              )}
            </ul>
          </div>
        `
      : nothing;
  // said as soon as the box is left, not only on submit: the person can call rather than finish
  const outside =
    match.status === 'outside' && !error
      ? html`<p class="warning" id="commune-outside">${t.errors['person.communeInsee'].notInTerritory}. ${t.communeOutsideCall(phone)}</p>`
      : nothing;
  const callLine = territory ? html` <a href=${telHref(territory.phone)}>${t.communeOutsideCall(phone)}</a>` : undefined;
  return html`
    <div class="field ${error ? 'field--error' : ''}">
      <label for=${id}>${t.commune}</label>
      <p class="hint" id=${`${id}-hint`}>${t.communeHint}</p>
      ${renderError(t, id, error, error?.kind === 'notInTerritory' ? callLine : undefined)}
      <input
        id=${id}
        type="text"
        list="commune-list"
        autocomplete="off"
        .value=${live(view.values.commune)}
        @change=${onText(view, 'commune')}
        @input=${onText(view, 'commune')}
        aria-describedby=${ifDefined(describedBy(id, true, error, match.status === 'outside' && !error ? 'commune-outside' : undefined))}
        aria-invalid=${error ? 'true' : 'false'}
      />
      <datalist id="commune-list">
        ${territory?.communes.map((commune) => html`<option value=${communeLabel(commune)}></option>`)}
      </datalist>
      <div aria-live="polite">${outside}</div>
      ${choices}
    </div>
  `;
}

/** The person who needs a doctor. A helper's browser must not autofill its own details here. */
export function personSection(t: IntakeFormStrings, view: FormView, territory: Territory | undefined, pickCommune: (label: string) => void): TemplateResult {
  const helped = isHelped(view);
  const priority = agePriority(view.values);
  return html`
    <fieldset class="section">
      <legend class="section-title">${helped ? t.personLegendHelped : t.personLegend}</legend>
      ${textField(t, view, {field: 'person.lastName', label: t.lastName, value: 'lastName', autocomplete: helped ? 'off' : 'family-name', maxlength: 100})}
      ${textField(t, view, {field: 'person.firstNames', label: t.firstNames, value: 'firstNames', autocomplete: helped ? 'off' : 'given-name', maxlength: 150})}
      ${dateFields(t, view, {
        field: 'person.birthDate',
        legend: t.birthDate,
        hint: t.birthDateHint,
        prefix: 'birth',
        parts: [
          {id: 'birth-day', key: 'birthDay', label: t.day, autocomplete: helped ? 'off' : 'bday-day', size: 'day', max: 2},
          {id: 'birth-month', key: 'birthMonth', label: t.month, autocomplete: helped ? 'off' : 'bday-month', size: 'day', max: 2},
          {id: 'birth-year', key: 'birthYear', label: t.year, autocomplete: helped ? 'off' : 'bday-year', size: 'year', max: 4},
        ],
        after: html`<p class="priority-note" aria-live="polite">${priority ? html`<strong>${t.agePriority[priority]}</strong>` : nothing}</p>`,
      })}
      ${textField(t, view, {field: 'person.phone', label: t.phone, hint: t.phoneHint, value: 'phone', type: 'tel', autocomplete: helped ? 'off' : 'tel', inputmode: 'tel', wide: false})}
      ${textField(t, view, {field: 'person.email', label: t.email, hint: t.emailHint, value: 'email', type: 'email', autocomplete: helped ? 'off' : 'email', inputmode: 'email', optional: true})}
      ${textField(t, view, {
        field: 'person.bestTimeToCall',
        label: t.bestTimeToCall,
        hint: t.bestTimeToCallHint,
        value: 'bestTimeToCall',
        optional: true,
        maxlength: 200,
      })}
      ${communeField(t, view, territory, pickCommune)}
      ${textField(t, view, {field: 'person.address', label: t.address, value: 'address', optional: true, autocomplete: helped ? 'off' : 'street-address', maxlength: 300})}
    </fieldset>
  `;
}

/** Why the person has no doctor, and since when. */
export function situationSection(t: IntakeFormStrings, view: FormView): TemplateResult {
  return html`
    <fieldset class="section">
      <legend class="section-title">${t.situationLegend}</legend>
      ${radioGroup(t, view, {
        name: 'reason',
        legend: t.reason,
        choices: INTAKE_REASONS,
        labelOf: (reason) => t.reasons[reason],
        value: view.values.reason,
        onPick: (reason) => view.set('reason', reason),
        field: 'situation.reason',
      })}
      ${view.values.reason === 'other' ? textField(t, view, {field: 'situation.reasonOther', label: t.reasonOther, value: 'reasonOther', maxlength: 300}) : nothing}
      ${dateFields(t, view, {
        field: 'situation.since',
        legend: t.since,
        hint: t.sinceHint,
        prefix: 'since',
        optional: true,
        parts: [
          {id: 'since-month', key: 'sinceMonth', label: t.month, size: 'day', max: 2},
          {id: 'since-year', key: 'sinceYear', label: t.year, size: 'year', max: 4},
        ],
      })}
    </fieldset>
  `;
}

/** The priority criteria the birth date cannot tell, each answered yes, no or "don't know". */
export function prioritySection(t: IntakeFormStrings, view: FormView): TemplateResult {
  return html`
    <fieldset class="section" aria-describedby="priority-hint">
      <legend class="section-title">${t.priorityLegend}</legend>
      <p class="hint" id="priority-hint">${t.priorityHint}</p>
      ${priorityQuestions.map((question: PriorityQuestion) =>
        radioGroup(t, view, {
          name: `priority-${question}`,
          legend: t.priorityQuestions[question],
          choices: TRISTATES,
          labelOf: (answer) => t.tristate[answer],
          value: view.values.priority[question],
          onPick: (answer) => view.set('priority', {...view.values.priority, [question]: answer}),
          inline: true,
        }),
      )}
    </fieldset>
  `;
}

/**
 * The free comment, with the characters left: always shown, but said to screen readers only as
 * `announcement` (which the element updates at thresholds, not on every keystroke).
 */
export function commentField(t: IntakeFormStrings, view: FormView, announcement: string, onInput: (event: Event) => void): TemplateResult {
  const error = errorFor(view, 'comment');
  const remaining = COMMENT_MAX - view.values.comment.length;
  return html`
    <div class="field ${error ? 'field--error' : ''}">
      <label for="comment">${fieldLabel(t, t.comment, true)}</label>
      <p class="hint" id="comment-hint">${t.commentHint}</p>
      ${renderError(t, 'comment', error)}
      <textarea
        id="comment"
        rows="4"
        .value=${live(view.values.comment)}
        @input=${onInput}
        aria-describedby=${ifDefined(describedBy('comment', true, error, 'comment-count'))}
        aria-invalid=${error || remaining < 0 ? 'true' : 'false'}
      ></textarea>
      <p id="comment-count" class=${remaining < 0 ? 'count count--over' : 'count'}>
        ${remaining < 0 ? t.commentTooLong(-remaining) : t.commentRemaining(remaining)}
      </p>
      <p class="visually-hidden" aria-live="polite">${announcement}</p>
    </div>
  `;
}

/** The territory's privacy notice and the consent box. */
function privacyLink(t: IntakeFormStrings, href: string | undefined): TemplateResult | typeof nothing {
  return href ? html`<p><a href=${href} target="_blank" rel="noopener noreferrer">${t.privacyLink}</a></p>` : nothing;
}

/** The box stays disabled until the territory's notice is shown: nobody consents to a text not yet there. */
export function consentSection(t: IntakeFormStrings, view: FormView, territory: Territory | undefined): TemplateResult {
  const error = errorFor(view, 'consent');
  return html`
    <fieldset class="section">
      <legend class="section-title">${t.consentLegend}</legend>
      <p class="privacy">${territory ? territory.privacyNotice.summary : t.loading}</p>
      ${territory ? privacyLink(t, safeHref(territory.privacyNotice.url)) : nothing}
      <div class="field ${error ? 'field--error' : ''}">
        ${renderError(t, 'consent', error)}
        <div class="choice">
          <input
            type="checkbox"
            id="consent"
            .checked=${live(view.values.consent)}
            ?disabled=${!territory}
            @change=${(event: Event) => view.set('consent', (event.target as HTMLInputElement).checked)}
            aria-describedby=${ifDefined(error ? 'consent-error' : undefined)}
            aria-invalid=${error ? 'true' : 'false'}
          />
          <label for="consent">${t.consent}</label>
        </div>
      </div>
    </fieldset>
  `;
}
