export {CptsPractitionerManager, personalLinkUrl, DEFAULT_LINK_PAGE} from './practitioner-manager.js';
export {CptsPractitionerEditor} from './practitioner-editor.js';
export {CptsPractitionerImport} from './practitioner-import.js';
export {CptsPractitionerSavedEvent, CptsPractitionerDeletedEvent, CptsLinkIssuedEvent, CptsPractitionersImportedEvent} from './manager-events.js';
export {practitionerManagerStrings, type PractitionerManagerStrings, type PractitionerField} from './practitioner-manager-strings.js';
export {checkPractitioner, searchRows, indexRows, type PractitionerValues} from './practitioner-model.js';
export {templateCsv, countDataRows, formatSize} from './import-model.js';
