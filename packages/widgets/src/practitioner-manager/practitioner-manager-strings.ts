import {defineStrings} from '../translations/bundle.js';

/** Fields of the practitioner form, in the order they show. */
export type PractitionerField = 'profession' | 'title' | 'firstName' | 'lastName' | 'rpps' | 'practiceName' | 'address' | 'communeInsee' | 'phone' | 'email';

/**
 * Every string of `<cpts-practitioner-manager>` and its parts; the sign-in, the error summary and
 * « Choisissez… » are the coordinator kit's (`coordinatorStrings`).
 */
export interface PractitionerManagerStrings {
  /** Before the error's message: a change was saved, but the list could not be read again. */
  reloadFailed: string;
  title: string;
  loading: string;
  create: string;
  search: string;
  searchHint: string;
  count: (shown: number, total: number) => string;
  empty: string;
  noMatch: string;
  inactive: string;
  active: string;
  freshness: {fresh: string; stale: string; never: string};
  /** Accessible names of a row's actions: unique on the page, the practitioner named. */
  editName: (name: string) => string;
  deactivateName: (name: string) => string;
  reactivateName: (name: string) => string;
  issueLinkName: (name: string) => string;
  revokeLinksName: (name: string) => string;
  removeName: (name: string) => string;
  actions: string;
  columnName: string;
  columnProfession: string;
  columnCommune: string;
  columnFreshness: string;
  columnActions: string;
  listCaption: string;
  edit: string;
  deactivate: string;
  reactivate: string;
  issueLink: string;
  revokeLinks: string;
  remove: string;
  deactivated: (name: string) => string;
  reactivated: (name: string) => string;
  removed: (name: string) => string;
  revoked: (name: string) => string;
  saved: (name: string) => string;
  confirmRemoveTitle: (name: string) => string;
  confirmRemoveText: string;
  confirmRemove: string;
  confirmRevokeTitle: (name: string) => string;
  confirmRevokeText: string;
  confirmRevoke: string;
  cancel: string;
  // the link
  linkTitle: (name: string) => string;
  linkLabel: string;
  linkOnce: string;
  linkExpires: (date: string) => string;
  copy: string;
  copied: string;
  copyFailed: string;
  linkDone: string;
  // the editor
  editorNew: string;
  editorEdit: (name: string) => string;
  sectionIdentity: string;
  sectionPractice: string;
  sectionContact: string;
  fields: Record<PractitionerField, string>;
  hints: Partial<Record<PractitionerField, string>>;
  save: string;
  saving: string;
  required: Partial<Record<PractitionerField, string>>;
  tooLong: (field: string) => string;
  invalid: Record<PractitionerField, string>;
  unknownCommune: string;
  // the import
  importTitle: string;
  importOpen: string;
  importIntro: string;
  importFile: string;
  importFileHint: string;
  importDrop: string;
  importTemplate: string;
  fileSummary: (name: string, size: string, rows: number) => string;
  importCheck: string;
  importChecking: (rows: number, size: string) => string;
  importPreviewTitle: string;
  importPreview: (create: number, update: number) => string;
  importConfirm: (rows: number) => string;
  importing: (rows: number, size: string) => string;
  importDone: (created: number, updated: number) => string;
  importErrorsTitle: (count: number) => string;
  importErrorsHint: string;
  importLine: string;
  importColumn: string;
  importMessage: string;
  importNotCsv: string;
  importEmpty: string;
  importAnother: string;
  previewAction: string;
  previewName: string;
  previewCreate: string;
  previewUpdate: string;
  previewCaption: (shown: number, total: number) => string;
  importTooLarge: string;
  importStop: string;
  importStopped: string;
  warningsTitle: string;
}

declare module '../translations/translation.js' {
  interface Translation {
    practitionerManager: PractitionerManagerStrings;
  }
}

export const practitionerManagerStrings = defineStrings<'practitionerManager'>({
  fr: () => import('./practitioner-manager-strings.fr.js').then((m) => m.fr),
  en: () => import('./practitioner-manager-strings.en.js').then((m) => m.en),
});
