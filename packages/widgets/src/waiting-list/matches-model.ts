import type {FieldError, MatchReason} from '@cpts-kit/contract';
import type {MatchStrings} from './waiting-list-strings.js';

export type MatchField = 'chosen' | 'note';
export type MatchProblem = 'none_chosen' | 'too_many' | 'too_long';

/** As the contract allows at once, and the note's length. */
export const MAX_CHOSEN = 5;
export const NOTE_MAX = 1000;

/** One reason in the page's language: « même commune », « 4 km », « 2 places ce mois-ci ». */
export function reasonText(reason: MatchReason, m: MatchStrings): string {
  const r = m.reasons;
  switch (reason.code) {
    case 'same_commune':
      return r.same_commune;
    case 'distance':
      return r.distance(reason.km);
    case 'home_visits':
      return r.home_visits(reason.commune);
    case 'places_left':
      return r.places_left(reason.count);
    case 'no_quota':
      return r.no_quota;
    case 'limited':
      return r.limited;
    case 'scope':
      return r.scope[reason.scope];
    case 'declared_days_ago':
      return r.declared_days_ago(reason.days);
    case 'stale':
      return r.stale(reason.days);
    case 'never_declared':
      return r.never_declared;
  }
}

/**
 * A 409's refusals by practitioner id: `errors[].path` is `practitionerIds.N`, N indexing the ids
 * sent. Each is worded by its code when known (at_quota…), else by the server's message.
 */
export function refusalsOf(code: string, errors: readonly FieldError[], sent: readonly string[], words: Record<string, string>): Record<string, string> {
  const refusals: Record<string, string> = {};
  for (const e of errors) {
    const index = /^practitionerIds\.(\d+)$/.exec(e.path)?.[1];
    const id = index === undefined ? undefined : sent[Number(index)];
    if (id) refusals[id] = words[e.code] ?? words[code] ?? e.message;
  }
  return refusals;
}

/** Refusals worded as what the practitioner does (« a atteint son quota de ce mois »): they take the name before them. */
const ABOUT_PRACTITIONER = new Set(['at_quota', 'outside_scope', 'not_accepting', 'no_home_visits', 'unknown_practitioner']);

/** A refusal of one answer to one practitioner as a sentence: « Dr X a atteint son quota de ce mois. », « Cette demande est close. » */
export function refusalSentence(code: string, words: string, name: string): string {
  return ABOUT_PRACTITIONER.has(code) ? `${name} ${words}.` : `${words.charAt(0).toLocaleUpperCase()}${words.slice(1)}.`;
}
