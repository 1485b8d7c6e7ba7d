import type {Accepting, HousingKind, IntakeReason, IntakeStatus, OfferKind, PracticeType, PriorityCriterion, Profession, RequesterKind} from '@cpts-kit/contract';

/** Languages the widgets ship with; the first is the default. */
export const supportedLanguages = ['fr', 'en'] as const;
export type LanguageCode = (typeof supportedLanguages)[number];

/**
 * Every string a widget shows. Adding a key breaks the typecheck of each language file until it is
 * translated, so no language silently falls back to another.
 *
 * Here are only the strings every widget shares: the common ones (`CommonStrings`: `fr.ts` ships
 * with the shared code, `en.ts` is fetched by the first English widget) and the labels of the contract's codes (`labels.ts`). Each
 * feature adds its own key from its `<feature>-strings.ts`, by module augmentation, next to the
 * string bundle that loads it (`defineStrings()` in `bundle.ts`):
 *
 *     declare module '../translations/translation.js' {
 *       interface Translation {
 *         intake: IntakeFormStrings;
 *       }
 *     }
 *
 * so this shared module names no feature, and a page downloads the strings of its widgets in its
 * language, and the other language only if the page switches to it.
 */
export interface Translation {
  $code: LanguageCode;
  $name: string;
  $dir: 'ltr' | 'rtl';

  loading: string;
  retry: string;
  errorTitle: string;
  /** Message shown when the API answered with an error. */
  errorApi: (status: number) => string;
  errorNetwork: string;
  errorTimeout: string;
  errorUnknown: string;
  errorNoApi: string;
  /** Between a label and what is said of it: « Nom : … » in French, "Name: …" in English. */
  labelSeparator: string;

  professions: Record<Profession, string>;
  accepting: Record<Accepting, string>;
  intakeStatuses: Record<IntakeStatus, string>;
  requesterKinds: Record<RequesterKind, string>;
  intakeReasons: Record<IntakeReason, string>;
  priorityCriteria: Record<PriorityCriterion, string>;
  offerKinds: Record<OfferKind, string>;
  practiceTypes: Record<PracticeType, string>;
  housingKinds: Record<HousingKind, string>;
}

/** The strings every widget may need before its own arrive: the shared chunk carries them, in both languages. */
export type CommonStrings = Pick<
  Translation,
  '$code' | '$name' | '$dir' | 'loading' | 'retry' | 'errorTitle' | 'errorApi' | 'errorNetwork' | 'errorTimeout' | 'errorUnknown' | 'errorNoApi' | 'labelSeparator'
>;

/** Names of the contract's codes (professions, kinds of offer…), shared by several widgets. */
export type LabelStrings = Pick<
  Translation,
  'professions' | 'accepting' | 'intakeStatuses' | 'requesterKinds' | 'intakeReasons' | 'priorityCriteria' | 'offerKinds' | 'practiceTypes' | 'housingKinds'
>;

export function isSupportedLanguage(value: string): value is LanguageCode {
  return (supportedLanguages as readonly string[]).includes(value);
}

/** `en-GB` → `en`, `FR` → `fr`; undefined for a language we do not ship. */
export function toSupportedLanguage(value: string | null | undefined): LanguageCode | undefined {
  if (!value) return undefined;
  const primary = value.trim().toLowerCase().split('-')[0] ?? '';
  return isSupportedLanguage(primary) ? primary : undefined;
}
