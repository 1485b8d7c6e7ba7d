import type {IntakeRequestCreate, PriorityCriterion} from '@cpts-kit/contract';
import {blindIndex, encryptJson, type Keys} from './crypto.js';
import {sealRecipient} from './outbox.js';
import type {IntakeInsert} from './intake-writer.js';
import {ageOn, searchColumns} from './waiting-list-index.js';

/** What is encrypted at rest: everything that names or describes the person. */
export type PersonalFields = Pick<IntakeRequestCreate, 'requester' | 'person' | 'situation'> & {comment: string | null};

/** `DEMO` from `demo`; the contract allows 2 to 12 letters or digits. */
export function referencePrefix(slug: string): string {
  const letters = slug
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 12);
  return letters.length >= 2 ? letters : `${letters}CPTS`.slice(0, 12);
}

/**
 * References restart on 1 January in France, not in UTC. New Year is always in winter time
 * (UTC+1: summer time runs from late March to late October), so the Paris year is the UTC year one
 * hour later — exact, and without Intl's time-zone work on every request.
 */
export function parisYear(date: Date): number {
  return new Date(date.getTime() + 3_600_000).getUTCFullYear();
}

export function priorityCriteria(body: Pick<IntakeRequestCreate, 'person' | 'priority'>, today = new Date()): PriorityCriterion[] {
  const age = ageOn(body.person.birthDate, today);
  const p = body.priority;
  const criteria: [PriorityCriterion, boolean][] = [
    ['age_70_plus', age >= 70],
    ['under_6', age < 6],
    ['ald', p.ald === 'yes'],
    ['css_ame', p.cssAme === 'yes'],
    ['pregnancy', p.pregnancy === 'yes'],
    ['disability', p.disability === 'yes'],
    ['home_visits', p.homeVisits === 'yes'],
    ['chronic_follow_up', p.chronicFollowUp === 'yes'],
  ];
  return criteria.filter(([, met]) => met).map(([name]) => name);
}

/** The national priority criteria (age, ALD, CSS/AME) plus pregnancy and disability named in workshops. */
export const PRIORITY: ReadonlySet<PriorityCriterion> = new Set(['age_70_plus', 'under_6', 'ald', 'css_ame', 'pregnancy', 'disability']);

export interface IntakeOrigin {
  territory: string;
  key: string;
  operation: string;
  bodyHash: string;
  /** When the request arrived (the form's POST, the call, the paper form, the imported sheet's date). */
  at: Date;
  channel: 'form' | 'phone' | 'paper' | 'import';
  by: string;
  /** Send the receipt when the person gave an e-mail, in this language; `alert`: tell the coordinators of a priority registration. */
  notify?: {language: 'fr' | 'en'; alert: boolean};
}

/** Everything but the database work: encryption, keyed hashes, priority, computed once here. */
export function prepareIntakeInsert(
  keys: Keys,
  origin: IntakeOrigin,
  body: Pick<IntakeRequestCreate, 'requester' | 'person' | 'situation' | 'priority' | 'comment'>,
): IntakeInsert {
  // the reference's year is the year it is registered here, so imported old requests do not reuse old numbers
  const year = parisYear(new Date());
  const personal: PersonalFields = {requester: body.requester, person: body.person, situation: body.situation, comment: body.comment ?? null};
  const search = searchColumns(keys, body.person, body.requester);
  return {
    territory: origin.territory,
    year,
    referencePrefix: `${referencePrefix(origin.territory)}-${year}-`,
    key: origin.key,
    operation: origin.operation,
    bodyHash: origin.bodyHash,
    id: crypto.randomUUID(),
    historyId: crypto.randomUUID(),
    communeInsee: body.person.communeInsee,
    hasPriority: priorityCriteria(body).some((c) => PRIORITY.has(c)),
    reason: body.situation.reason,
    priority: body.priority,
    personalEncrypted: encryptJson(keys.encryption, personal),
    dedupeHmac: blindIndex(keys.dedupe, [body.person.lastName, body.person.firstNames, body.person.birthDate]),
    at: origin.at,
    ...search,
    channel: origin.channel,
    by: origin.by,
    ...(origin.notify
      ? {notify: {language: origin.notify.language, receiptTo: body.person.email ? sealRecipient(keys, body.person.email) : null, alert: origin.notify.alert}}
      : {}),
  };
}
