import {html, nothing, type PropertyValues, type TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {CallOutcome, CloseReason, type BoardRow, type IntakeStatus, type WaitingRequest} from '@cpts-kit/contract';
import {etagOf, logIntakeCall, mergeIntakeRequest, patchIntakeRequest, transitionIntakeRequest, type CptsClient} from '@cpts-kit/sdk';
import {isStale} from '../coordinator/conflict.js';
import {CoordinatorEditor} from '../coordinator/editor-base.js';
import {coordinatorStyles} from '../coordinator/coordinator.styles.js';
import {base} from '../styles/base.js';
import {formStyles} from '../styles/form.js';
import {tokens} from '../styles/tokens.js';
import {labelStrings} from '../translations/labels.js';
import {ACTION_FIELDS, checkAction, emptyActions, resetOf, type ActionField, type ActionForm, type ActionProblem, type ActionValues} from './actions-model.js';
import {CptsIntakeChangedEvent} from './waiting-list-events.js';
import {NEXT_STATUSES, localDateTime} from './waiting-list-model.js';
import {waitingListStrings} from './waiting-list-strings.js';
import {waitingListStyles} from './waiting-list.styles.js';

/** Where focus goes once a form's action is done: its own button, still there. */
const SUBMIT_OF: Record<ActionForm, string> = {
  call: '#ia-call-submit',
  transition: '#ia-transition-submit',
  assign: '#ia-assign-submit',
  unassign: '#ia-assign-submit',
  notes: '#ia-notes-submit',
  merge: '#ia-call-submit',
};

/**
 * @summary What a coordinator does on one opened request: log a call, move it along its
 * lifecycle (a reason to close, the practitioner when resolved), assign it, keep notes, merge a
 * duplicate.
 *
 * Every change names the version read (If-Match): when someone changed the request meanwhile,
 * the server refuses (412) and this says so, with « Recharger », keeping what was typed.
 *
 * @fires cpts-intake-changed - A change was saved; `detail` is the request as the server returned it.
 * @fires cpts-intake-reload - The coordinator asked to read the request again (after a 412).
 * @fires cpts-intake-open - The coordinator asked to open another request (the possible duplicate); `detail` is its id.
 * @fires cpts-error - A change failed for another reason than a field error.
 *
 * @csspart base - The wrapper.
 * @csspart stale - The message saying the request changed meanwhile, with « Recharger ».
 */
export class CptsIntakeActions extends CoordinatorEditor<ActionField, ActionProblem, ActionValues> {
  static override stringBundles = [...CoordinatorEditor.stringBundles, waitingListStrings, labelStrings];
  static override styles = [tokens, base, formStyles, coordinatorStyles, waitingListStyles];

  protected readonly idPrefix = 'ia';
  protected readonly fieldOrder = ACTION_FIELDS;

  @state() private stale = false;
  @state() private notice = '';

  /** The request opened; another one resets the forms, the same one (reloaded) keeps what was typed. */
  @property({attribute: false}) request?: WaitingRequest;
  /** The territory's practitioners, to record who took the person. */
  @property({attribute: false}) practitioners: readonly BoardRow[] = [];
  /** Names already seen as assignees, offered when assigning. */
  @property({attribute: false}) assignees: readonly string[] = [];
  /** The signed-in coordinator's name (`GET …/me`): « M'attribuer » assigns to it. */
  @property({attribute: false}) me?: string;

  constructor() {
    super();
    this.values = emptyActions();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!changed.has('request')) return;
    const before = changed.get('request');
    const now = this.request;
    this.stale = false;
    if (!now || before?.id === now.id) return;
    this.values = {...emptyActions(localDateTime(new Date())), notes: now.notes ?? '', assignee: now.assignedTo ?? ''};
    this.errors = {};
    this.failure = undefined;
    this.notice = '';
  }

  protected label(field: ActionField): string {
    const w = this.localize.strings.waitingList;
    const labels: Record<ActionField, string> = {
      callAt: w.callAt,
      outcome: w.outcome,
      callNote: w.note,
      to: w.newStatus,
      closeReason: w.closeReason,
      practitioner: w.practitioner,
      transitionNote: w.note,
      assignee: w.assignTo,
      notes: w.notes,
    };
    return labels[field];
  }

  protected override hint(field: ActionField): string | undefined {
    return field === 'assignee' ? this.localize.strings.waitingList.assignHint : undefined;
  }

  protected message(field: ActionField, problem: ActionProblem): string {
    const w = this.localize.strings.waitingList;
    if (problem === 'too_long') return w.tooLong(this.label(field));
    const required: Partial<Record<ActionField, string>> = {
      callAt: w.required.callAt,
      outcome: w.required.outcome,
      to: w.required.to,
      closeReason: w.required.closeReason,
      transitionNote: w.required.note,
      assignee: w.required.assignee,
    };
    return required[field] ?? w.tooLong(this.label(field));
  }

  /** Sends one change with the version read; a 412 shows « Recharger » and keeps the form. */
  private async run(
    form: ActionForm,
    send: (client: CptsClient, request: WaitingRequest, ifMatch: string) => Promise<WaitingRequest>,
    notice: (r: WaitingRequest) => string,
  ): Promise<void> {
    const request = this.request;
    if (!request || this.saving) return;
    const check = checkAction(form, this.values);
    if (!check.ok) {
      this.showErrors(check.errors);
      return;
    }
    this.errors = {};
    this.stale = false;
    this.notice = '';
    const saved = await this.save(
      async (client) => {
        try {
          return await send(client, request, etagOf(request.version));
        } catch (error) {
          if (!isStale(error)) throw error;
          this.stale = true;
          return undefined;
        }
      },
      () => ({}),
    );
    if (this.stale) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#ia-reload')?.focus();
      return;
    }
    if (!saved) return;
    // the other forms keep what was typed; the assignee shows who holds the request now
    this.values = {...this.values, ...resetOf(form, localDateTime(new Date())), assignee: saved.assignedTo ?? ''};
    this.notice = notice(saved);
    this.dispatchEvent(new CptsIntakeChangedEvent(saved));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(SUBMIT_OF[form])?.focus();
  }

  private logCall(e: SubmitEvent): void {
    e.preventDefault();
    const w = this.localize.strings.waitingList;
    const v = this.values;
    void this.run(
      'call',
      (client, r, ifMatch) =>
        logIntakeCall(client, r.id, {at: new Date(v.callAt).toISOString(), outcome: v.outcome as CallOutcome, note: v.callNote.trim() || undefined}, {ifMatch}),
      () => w.callLogged,
    );
  }

  private transition(e: SubmitEvent): void {
    e.preventDefault();
    const t = this.localize.strings;
    const v = this.values;
    const to = v.to as IntakeStatus;
    void this.run(
      'transition',
      (client, r, ifMatch) =>
        transitionIntakeRequest(
          client,
          r.id,
          {
            to,
            note: v.transitionNote.trim() || undefined,
            closeReason: to === 'closed' ? (v.closeReason as CloseReason) : undefined,
            resolvedPractitionerId: to === 'resolved' && v.practitioner ? v.practitioner : undefined,
          },
          {ifMatch},
        ),
      (saved) => t.waitingList.moved(t.intakeStatuses[saved.status]),
    );
  }

  private assign(e: Event, nobody = false, toMe = false): void {
    e.preventDefault();
    const w = this.localize.strings.waitingList;
    if (toMe && this.me) this.values = {...this.values, assignee: this.me};
    const name = nobody ? null : this.values.assignee.trim();
    void this.run(
      nobody ? 'unassign' : 'assign',
      (client, r, ifMatch) => patchIntakeRequest(client, r.id, {assignedTo: name}, {ifMatch}),
      (s) => (s.assignedTo ? w.assignedTo(s.assignedTo) : w.unassigned),
    );
  }

  private saveNotes(e: SubmitEvent): void {
    e.preventDefault();
    const notes = this.values.notes;
    void this.run(
      'notes',
      (client, r, ifMatch) => patchIntakeRequest(client, r.id, {notes}, {ifMatch}),
      () => this.localize.strings.waitingList.notesSaved,
    );
  }

  private merge(otherId: string): void {
    const w = this.localize.strings.waitingList;
    void this.run(
      'merge',
      (client, r, ifMatch) => mergeIntakeRequest(client, r.id, otherId, {ifMatch}),
      (saved) => w.merged(saved.merged.at(-1)?.reference ?? ''),
    );
  }

  private reload(): void {
    this.dispatchEvent(new Event('cpts-intake-reload', {bubbles: true, composed: true}));
  }

  private renderDuplicate(r: WaitingRequest): TemplateResult | typeof nothing {
    const other = r.possibleDuplicateOf;
    if (!other || r.mergedInto || r.merged.some((m) => m.id === other)) return nothing;
    const w = this.localize.strings.waitingList;
    const open = () => this.dispatchEvent(new CustomEvent<string>('cpts-intake-open', {bubbles: true, composed: true, detail: other}));
    // a server before the reference was returned gives the id alone
    const reference = r.possibleDuplicate?.reference;
    return html`<section class="panel" part="duplicate" aria-labelledby="ia-dup-title">
      <h4 id="ia-dup-title">${reference ? w.possibleDuplicateOf(reference) : w.possibleDuplicate}</h4>
      <p>${w.duplicateText}</p>
      <div class="actions">
        <button type="button" class="secondary" @click=${open}>${w.openOther}</button>
        <button type="button" id="ia-merge" ?disabled=${this.saving} aria-label=${w.mergeConfirm} @click=${() => this.merge(other)}>${w.merge}</button>
      </div>
    </section>`;
  }

  private renderTransition(r: WaitingRequest): TemplateResult {
    const t = this.localize.strings;
    const w = t.waitingList;
    const next = NEXT_STATUSES[r.status].map((s) => ({value: s, label: w.transitionLabel[s]}));
    const practitioners = [
      {value: '', label: w.practitionerUnknown},
      ...this.practitioners.filter((p) => p.active).map((p) => ({value: p.practitionerId, label: p.displayName})),
    ];
    return html`<form class="panel" novalidate aria-labelledby="ia-transition-title" @submit=${this.transition}>
      <h4 id="ia-transition-title">${w.moveTo}</h4>
      ${this.selectField('to', next)}
      ${
        this.values.to === 'closed'
          ? this.selectField(
              'closeReason',
              CloseReason.options.map((c) => ({value: c, label: w.closeReasons[c]})),
            )
          : nothing
      }
      ${this.values.to === 'resolved' ? this.selectField('practitioner', practitioners, false) : nothing}
      ${this.textField('transitionNote', {multiline: true})}
      <div class="actions"><button type="submit" id="ia-transition-submit" ?disabled=${this.saving}>${w.moveTo}</button></div>
    </form>`;
  }

  override render() {
    const r = this.request;
    if (!r) return nothing;
    const w = this.localize.strings.waitingList;
    return html`<div part="base" class="detail" lang=${this.localize.lang}>
      <h4 class="visually-hidden">${w.sectionWork}</h4>
      <p class="notice" role="status">${this.notice}</p>
      ${
        this.stale
          ? html`<div class="failure" role="alert" part="stale"><p>${w.stale}</p>
            <div class="actions"><button type="button" id="ia-reload" @click=${this.reload}>${w.reload}</button></div></div>`
          : nothing
      }
      ${this.renderSummary()} ${this.renderFailure()} ${this.renderDuplicate(r)}
      <div class="detail-grid">
        <form class="panel" novalidate aria-labelledby="ia-call-title" @submit=${this.logCall}>
          <h4 id="ia-call-title">${w.logCall}</h4>
          ${this.textField('callAt', {type: 'datetime-local'})}
          ${this.selectField(
            'outcome',
            CallOutcome.options.map((o) => ({value: o, label: w.outcomes[o]})),
          )}
          ${this.textField('callNote', {multiline: true})}
          <div class="actions"><button type="submit" id="ia-call-submit" ?disabled=${this.saving}>${w.logCall}</button></div>
        </form>
        ${this.renderTransition(r)}
        <form class="panel" novalidate aria-labelledby="ia-assign-title" @submit=${(e: SubmitEvent) => this.assign(e)}>
          <h4 id="ia-assign-title">${w.assign}</h4>
          ${this.textField('assignee', {list: 'ia-assignees', autocomplete: 'off'})}
          <datalist id="ia-assignees">${this.assignees.map((a) => html`<option value=${a}></option>`)}</datalist>
          <div class="actions">
            <button type="submit" id="ia-assign-submit" ?disabled=${this.saving}>${w.assign}</button>
            ${
              this.me && r.assignedTo !== this.me
                ? html`<button type="button" id="ia-assign-me" class="secondary" ?disabled=${this.saving} @click=${(e: Event) => this.assign(e, false, true)}>${w.assignToMe}</button>`
                : nothing
            }
            ${r.assignedTo ? html`<button type="button" class="secondary" ?disabled=${this.saving} @click=${(e: Event) => this.assign(e, true)}>${w.unassign}</button>` : nothing}
          </div>
        </form>
        <form class="panel" novalidate aria-labelledby="ia-notes-title" @submit=${this.saveNotes}>
          <h4 id="ia-notes-title">${w.notes}</h4>
          ${this.textField('notes', {multiline: true})}
          <div class="actions"><button type="submit" id="ia-notes-submit" ?disabled=${this.saving}>${w.saveNotes}</button></div>
        </form>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cpts-intake-actions': CptsIntakeActions;
  }
  interface GlobalEventHandlersEventMap {
    'cpts-intake-reload': Event;
    'cpts-intake-open': CustomEvent<string>;
  }
}
