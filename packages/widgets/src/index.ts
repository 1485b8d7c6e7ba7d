export {CptsProvider} from './provider/provider.js';
export {CptsTerritoryContact} from './territory-contact/territory-contact.js';
export {CptsIntakeForm} from './intake-form/intake-form.js';
export {CptsRequestStatus} from './request-status/request-status.js';
export {CptsAvailabilityMap} from './availability-map/availability-map.js';
export {CptsSelectEvent} from './availability-map/select-event.js';
export {CptsCartodispo} from './cartodispo/cartodispo.js';
export {CptsAvailabilityBoard, type BoardView} from './availability-board/availability-board.js';
export {CptsBoardSelectEvent} from './availability-board/board-select-event.js';
export {boardStrings, type BoardStrings} from './availability-board/board-strings.js';
export {boardColumns, defaultColumns as defaultBoardColumns, type BoardColumn} from './availability-board/board-columns.js';
export {normalizeText as normalizeBoardText, familyNameKey, noBoardFilters, type BoardFilters, type BoardSort} from './availability-board/board-model.js';
export * from './internship-offers/index.js';
export * from './practitioner-manager/index.js';
export * from './waiting-list/index.js';
export * from './outbox/index.js';
export * from './coordinator/index.js';
export * from './stats/index.js';
export {CptsImpact, type ImpactState} from './impact/impact.js';
export {CptsSubmittedEvent, type CptsSubmittedDetail} from './intake-form/submitted-event.js';
export {CptsElement, absoluteApiUrl} from './internal/cpts-element.js';
export {CptsConfigError} from './internal/config-error.js';
export {TerritoryController} from './internal/territory-controller.js';
export {defineElement} from './internal/define-element.js';
export {formatFrenchPhone, telHref} from './internal/format.js';
export {CptsErrorEvent} from './events/error.js';
export {CptsSignedInEvent} from './events/signed-in.js';
export {clientContext, territoryContext, localeContext, themeContext, themes, isThemeName, type ThemeName, type TerritoryState} from './context/index.js';
export {
  LocalizeController,
  defineStrings,
  translations,
  defaultLanguage,
  supportedLanguages,
  toSupportedLanguage,
  type LanguageCode,
  type StringBundle,
  type CommonStrings,
  type LabelStrings,
  type Translation,
} from './translations/index.js';
// each feature declares its own `Translation` key beside its bundle: exporting those types also
// brings every key into a program that reads only the package's `index.d.ts`
export type {IntakeFormStrings, IntakeFirstStrings, IntakeReplyStrings, IntakeErrorMessages} from './intake-form/intake-strings.js';
export type {MapStrings} from './availability-map/map-strings.js';
export type {StatusStrings} from './request-status/status-strings.js';
export type {ContactStrings} from './territory-contact/contact-strings.js';
export type {CartodispoStrings} from './cartodispo/cartodispo-strings.js';
export type {ImpactStrings} from './impact/impact-strings.js';
export {fr, en} from './strings.js';
export {tokens, base} from './styles/index.js';
