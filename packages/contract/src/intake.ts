import * as z from 'zod/mini';
import {Email, FrenchPhone, Id, InseeCode, IsoDate, Timestamp, longText, shortText, addressText} from './common.js';
import {INTAKE_REASONS, REQUESTER_KINDS, TRISTATES, type PRIORITY_QUESTIONS} from './intake-choices.js';

export const IntakeStatus = /* @__PURE__ */ z.enum(['received', 'contacted', 'oriented', 'resolved', 'closed']);
export type IntakeStatus = z.infer<typeof IntakeStatus>;

/** Who fills the form: the person, or someone helping them. */
export const RequesterKind = /* @__PURE__ */ z.enum(REQUESTER_KINDS);
export type RequesterKind = z.infer<typeof RequesterKind>;

export const IntakeReason = /* @__PURE__ */ z.enum(INTAKE_REASONS);
export type IntakeReason = z.infer<typeof IntakeReason>;

/** A priority question is answered yes / no / don't know: never a diagnosis. */
export const Tristate = /* @__PURE__ */ z.enum(TRISTATES);
export type Tristate = z.infer<typeof Tristate>;

export const PriorityCriterion = /* @__PURE__ */ z.enum(['age_70_plus', 'under_6', 'ald', 'css_ame', 'pregnancy', 'disability', 'home_visits', 'chronic_follow_up']);
export type PriorityCriterion = z.infer<typeof PriorityCriterion>;

// written out rather than built from PRIORITY_QUESTIONS, so the bundler can drop it when unused;
// `satisfies` keeps the two lists the same
export const PriorityAnswers = /* @__PURE__ */ z.strictObject({
  ald: Tristate,
  cssAme: Tristate,
  pregnancy: Tristate,
  disability: Tristate,
  homeVisits: Tristate,
  chronicFollowUp: Tristate,
} satisfies Record<(typeof PRIORITY_QUESTIONS)[number], typeof Tristate>);
export type PriorityAnswers = z.infer<typeof PriorityAnswers>;

export const Requester = /* @__PURE__ */ z.strictObject({
  kind: RequesterKind,
  name: z.optional(shortText(120)),
  phone: z.optional(FrenchPhone),
  organisation: z.optional(shortText(160)),
});
export type Requester = z.infer<typeof Requester>;

export const IntakePerson = /* @__PURE__ */ z.strictObject({
  lastName: shortText(100),
  firstNames: shortText(150),
  birthDate: IsoDate,
  phone: z.optional(FrenchPhone),
  email: z.optional(Email),
  bestTimeToCall: z.optional(shortText(200)),
  communeInsee: InseeCode,
  address: z.optional(addressText(300)),
});
export type IntakePerson = z.infer<typeof IntakePerson>;

export const IntakeSituation = /* @__PURE__ */ z.strictObject({
  reason: IntakeReason,
  reasonOther: z.optional(shortText(300)),
  since: z.optional(IsoDate),
});
export type IntakeSituation = z.infer<typeof IntakeSituation>;

const MAX_AGE_YEARS = 130;

/** Past, and not older than anyone alive: what a birth date must be, in the form and in the status lookup. */
export function isPlausibleBirthDate(iso: string, today = new Date()): boolean {
  const date = new Date(`${iso}T00:00:00Z`);
  const oldest = new Date(Date.UTC(today.getUTCFullYear() - MAX_AGE_YEARS, today.getUTCMonth(), today.getUTCDate()));
  return date.getTime() <= today.getTime() && date.getTime() >= oldest.getTime();
}

/** What the public form sends. Cross-field rules carry a `path` so the message lands by its field. */
export const IntakeRequestCreate = /* @__PURE__ */ z
  .strictObject({
    requester: Requester,
    person: IntakePerson,
    situation: IntakeSituation,
    priority: PriorityAnswers,
    comment: z.optional(longText(1000)),
    consent: z.literal(true, 'le consentement est nécessaire pour enregistrer la demande'),
    /** Honeypot: hidden from people, filled by bots. Must stay empty. */
    website: z.optional(z.string().check(z.maxLength(0))),
  })
  .check(
    z.refine((v) => v.person.phone !== undefined || v.person.email !== undefined, {
      message: 'indiquez un téléphone, ou à défaut une adresse e-mail',
      path: ['person', 'phone'],
    }),
    z.refine((v) => v.requester.kind === 'self' || v.requester.name !== undefined, {
      message: 'indiquez le nom de la personne qui remplit le formulaire',
      path: ['requester', 'name'],
    }),
    z.refine((v) => v.requester.kind === 'self' || v.requester.phone !== undefined, {
      message: 'indiquez le téléphone de la personne qui remplit le formulaire',
      path: ['requester', 'phone'],
    }),
    z.refine((v) => v.situation.reason !== 'other' || v.situation.reasonOther !== undefined, {
      message: 'précisez la raison',
      path: ['situation', 'reasonOther'],
    }),
    z.refine((v) => isPlausibleBirthDate(v.person.birthDate), {
      message: 'la date de naissance doit être passée et plausible',
      path: ['person', 'birthDate'],
    }),
  );
export type IntakeRequestCreate = z.infer<typeof IntakeRequestCreate>;

export const IntakeReference = /* @__PURE__ */ z.string().check(z.regex(/^[A-Z0-9]{2,12}-\d{4}-\d{6}$/));

export const IntakeRequestCreated = /* @__PURE__ */ z.object({id: Id, reference: IntakeReference, status: IntakeStatus});
export type IntakeRequestCreated = z.infer<typeof IntakeRequestCreated>;

export const StatusChange = /* @__PURE__ */ z.object({status: IntakeStatus, at: Timestamp, by: z.string()});

/** A request as a coordinator reads it (decrypted). */
export const IntakeRequest = /* @__PURE__ */ z.object({
  id: Id,
  reference: IntakeReference,
  status: IntakeStatus,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  requester: Requester,
  person: IntakePerson,
  situation: IntakeSituation,
  priority: PriorityAnswers,
  priorityCriteria: z.array(PriorityCriterion),
  comment: z.nullable(z.string()),
  notes: z.nullable(z.string()),
  assignedTo: z.nullable(z.string()),
  possibleDuplicateOf: z.nullable(Id),
  history: z.array(StatusChange),
});
export type IntakeRequest = z.infer<typeof IntakeRequest>;

export const IntakeRequestList = /* @__PURE__ */ z.object({items: z.array(IntakeRequest), nextCursor: z.nullable(z.string())});
export type IntakeRequestList = z.infer<typeof IntakeRequestList>;
