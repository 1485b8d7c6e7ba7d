// The intake form's closed lists, as plain arrays: the schemas in intake.ts are built from them,
// and a page that only lists the choices (the form's radio buttons, the paper version) reads them
// here without loading zod, which the public form needs only once the person sends it.

/** Who fills the form: the person, or someone helping them. */
export const REQUESTER_KINDS = ['self', 'relative', 'pharmacist', 'nurse', 'doctor', 'social_worker', 'town_hall', 'other_professional'] as const;

export const INTAKE_REASONS = ['gp_retired', 'moved_in', 'too_far', 'no_home_visits', 'relationship_ended', 'never_had', 'other'] as const;

/** A priority question is answered yes / no / don't know: never a diagnosis. */
export const TRISTATES = ['yes', 'no', 'unknown'] as const;

/** The priority questions the form asks, in the order it asks them (the keys of `PriorityAnswers`). */
export const PRIORITY_QUESTIONS = ['ald', 'cssAme', 'pregnancy', 'disability', 'homeVisits', 'chronicFollowUp'] as const;
