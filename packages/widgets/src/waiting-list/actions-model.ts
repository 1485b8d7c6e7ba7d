/** The fields of the actions on one request, in the order they show. */
export const ACTION_FIELDS = ['callAt', 'outcome', 'callNote', 'to', 'closeReason', 'practitioner', 'transitionNote', 'assignee', 'notes'] as const;
export type ActionField = (typeof ACTION_FIELDS)[number];
export type ActionValues = Record<ActionField, string>;
export type ActionProblem = 'required' | 'too_long';
/** Each action is its own small form; a merge and an unassignment have no field. */
export type ActionForm = 'call' | 'transition' | 'assign' | 'unassign' | 'notes' | 'merge';

const FIELDS_OF: Record<ActionForm, readonly ActionField[]> = {
  call: ['callAt', 'outcome', 'callNote'],
  transition: ['to', 'closeReason', 'practitioner', 'transitionNote'],
  assign: ['assignee'],
  unassign: [],
  notes: ['notes'],
  merge: [],
};

/** The contract's limits (longText(2000) for a note, longText(5000) for notes, shortText(120) for a name). */
const MAX: Partial<Record<ActionField, number>> = {callNote: 2000, transitionNote: 2000, notes: 5000, assignee: 120};

/** Every field empty; `callAt` is now (a call is logged just after it, usually). */
export function emptyActions(now = ''): ActionValues {
  return {callAt: now, outcome: '', callNote: '', to: '', closeReason: '', practitioner: '', transitionNote: '', assignee: '', notes: ''};
}

/** The fields of `form` emptied once its action is done; the other forms keep what was typed. */
export function resetOf(form: ActionForm, now: string): Partial<ActionValues> {
  const empty = emptyActions(now);
  return Object.fromEntries(FIELDS_OF[form].filter((f) => f !== 'notes' && f !== 'assignee').map((f) => [f, empty[f]]));
}

export type ActionCheck = {ok: true} | {ok: false; errors: Partial<Record<ActionField, ActionProblem>>};

/** What the server would refuse, said by the field before sending: a missing outcome, a close without reason… */
export function checkAction(form: ActionForm, v: ActionValues, now = new Date()): ActionCheck {
  const errors: Partial<Record<ActionField, ActionProblem>> = {};
  for (const field of FIELDS_OF[form]) {
    const max = MAX[field];
    if (max !== undefined && v[field].length > max) errors[field] = 'too_long';
  }
  if (form === 'call') {
    const at = new Date(v.callAt);
    if (!v.callAt || Number.isNaN(at.getTime()) || at.getTime() > now.getTime() + 60_000) errors.callAt = 'required';
    if (!v.outcome) errors.outcome = 'required';
  }
  if (form === 'transition') {
    if (!v.to) errors.to = 'required';
    if (v.to === 'closed' && !v.closeReason) errors.closeReason = 'required';
    if (v.to === 'closed' && v.closeReason === 'other' && !v.transitionNote.trim()) errors.transitionNote = 'required';
  }
  if (form === 'assign' && !v.assignee.trim()) errors.assignee = 'required';
  return Object.keys(errors).length ? {ok: false, errors} : {ok: true};
}
