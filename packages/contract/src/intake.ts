import * as z from 'zod/mini';
import {Email, FrenchPhone, Id, InseeCode, IsoDate, PageQuery, QueryBoolean, Timestamp, longText, shortText} from './common.js';
import {named} from './registry.js';

export const IntakeStatus = /* @__PURE__ */ z.enum(['received', 'contacted', 'oriented', 'resolved', 'closed']);
export type IntakeStatus = z.infer<typeof IntakeStatus>;

/** Who fills the form: the person, or someone helping them. */
export const RequesterKind = /* @__PURE__ */ z.enum(['self', 'relative', 'pharmacist', 'nurse', 'doctor', 'social_worker', 'town_hall', 'other_professional']);
export type RequesterKind = z.infer<typeof RequesterKind>;

export const IntakeReason = /* @__PURE__ */ z.enum(['gp_retired', 'moved_in', 'too_far', 'no_home_visits', 'relationship_ended', 'never_had', 'other']);
export type IntakeReason = z.infer<typeof IntakeReason>;

/** A priority question is answered yes / no / don't know: never a diagnosis. */
export const Tristate = /* @__PURE__ */ z.enum(['yes', 'no', 'unknown']);
export type Tristate = z.infer<typeof Tristate>;

export const PriorityCriterion = /* @__PURE__ */ z.enum(['age_70_plus', 'under_6', 'ald', 'css_ame', 'pregnancy', 'disability', 'home_visits', 'chronic_follow_up']);
export type PriorityCriterion = z.infer<typeof PriorityCriterion>;

export const PriorityAnswers = /* @__PURE__ */ named(
  z.strictObject({
    ald: Tristate,
    cssAme: Tristate,
    pregnancy: Tristate,
    disability: Tristate,
    homeVisits: Tristate,
    chronicFollowUp: Tristate,
  }),
  {id: 'PriorityAnswers'},
);
export type PriorityAnswers = z.infer<typeof PriorityAnswers>;

export const Requester = /* @__PURE__ */ named(
  z.strictObject({
    kind: RequesterKind,
    name: z.optional(shortText(120)),
    phone: z.optional(FrenchPhone),
    organisation: z.optional(shortText(160)),
  }),
  {id: 'Requester'},
);
export type Requester = z.infer<typeof Requester>;

export const IntakePerson = /* @__PURE__ */ named(
  z.strictObject({
    lastName: shortText(100),
    firstNames: shortText(150),
    birthDate: IsoDate,
    phone: z.optional(FrenchPhone),
    email: z.optional(Email),
    bestTimeToCall: z.optional(shortText(200)),
    communeInsee: InseeCode,
    address: z.optional(shortText(300)),
  }),
  {id: 'IntakePerson'},
);
export type IntakePerson = z.infer<typeof IntakePerson>;

export const IntakeSituation = /* @__PURE__ */ named(
  z.strictObject({
    reason: IntakeReason,
    reasonOther: z.optional(shortText(300)),
    since: z.optional(IsoDate),
  }),
  {id: 'IntakeSituation'},
);
export type IntakeSituation = z.infer<typeof IntakeSituation>;

const MAX_AGE_YEARS = 130;

function isPlausibleBirthDate(iso: string, today = new Date()): boolean {
  const date = new Date(`${iso}T00:00:00Z`);
  const oldest = new Date(Date.UTC(today.getUTCFullYear() - MAX_AGE_YEARS, today.getUTCMonth(), today.getUTCDate()));
  return date.getTime() <= today.getTime() && date.getTime() >= oldest.getTime();
}

/** What the public form sends. Cross-field rules carry a `path` so the message lands by its field. */
export const IntakeRequestCreate = /* @__PURE__ */ named(
  z
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
    ),
  {
    id: 'IntakeRequestCreate',
    description: 'A registration sent by the public form. No NIR, ever.',
    example: {
      requester: {kind: 'pharmacist', name: 'Pharmacie du Centre', phone: '03 21 98 00 00'},
      person: {lastName: 'Dupont', firstNames: 'Marie Louise', birthDate: '1948-03-12', phone: '06 12 34 56 78', communeInsee: '62765'},
      situation: {reason: 'gp_retired', since: '2026-06-01'},
      priority: {ald: 'yes', cssAme: 'no', pregnancy: 'no', disability: 'unknown', homeVisits: 'yes', chronicFollowUp: 'yes'},
      comment: 'Préfère être appelée le matin.',
      consent: true,
    },
  },
);
export type IntakeRequestCreate = z.infer<typeof IntakeRequestCreate>;

export const IntakeReference = /* @__PURE__ */ z.string().check(z.regex(/^[A-Z0-9]{2,12}-\d{4}-\d{6}$/));

export const IntakeRequestCreated = /* @__PURE__ */ named(
  z.object({id: Id, reference: IntakeReference, status: IntakeStatus}),
  {id: 'IntakeRequestCreated', example: {id: '0b5d7f3e-1c1a-4d4e-9a39-2f0f4b7b2a10', reference: 'DEMO-2026-000123', status: 'received'}},
);
export type IntakeRequestCreated = z.infer<typeof IntakeRequestCreated>;

export const StatusChange = /* @__PURE__ */ named(
  z.object({status: IntakeStatus, at: Timestamp, by: z.string()}),
  {id: 'StatusChange'},
);

/** A request as a coordinator reads it (decrypted). */
export const IntakeRequest = /* @__PURE__ */ named(
  z.object({
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
  }),
  {id: 'IntakeRequest'},
);
export type IntakeRequest = z.infer<typeof IntakeRequest>;

export const IntakeRequestPatch = /* @__PURE__ */ named(
  z.strictObject({
    status: z.optional(IntakeStatus),
    notes: z.optional(longText(5000)),
    assignedTo: z.optional(z.nullable(shortText(120))),
  }),
  {id: 'IntakeRequestPatch', example: {status: 'contacted', notes: 'Rappelée le 12/11, cherche un médecin à Arques.'}},
);
export type IntakeRequestPatch = z.infer<typeof IntakeRequestPatch>;

export const IntakeRequestListQuery = /* @__PURE__ */ z.object({
  status: z.optional(IntakeStatus),
  commune: z.optional(InseeCode),
  priority: QueryBoolean,
  ...PageQuery,
});
export type IntakeRequestListQuery = z.input<typeof IntakeRequestListQuery>;

export const IntakeRequestList = /* @__PURE__ */ named(
  z.object({items: z.array(IntakeRequest), nextCursor: z.nullable(z.string())}),
  {id: 'IntakeRequestList'},
);
export type IntakeRequestList = z.infer<typeof IntakeRequestList>;
