export {CptsWaitingList} from './waiting-list.js';
export {CptsIntakeActions} from './intake-actions.js';
export {CptsIntakeMatches} from './intake-matches.js';
export {CptsAssistedIntake} from './assisted-form.js';
export {CptsWaitingListImport} from './waiting-list-import.js';
export {CptsIntakeRegisteredEvent, CptsIntakeChangedEvent, CptsIntakesImportedEvent} from './waiting-list-events.js';
export {waitingListStrings, type WaitingListStrings, type MatchStrings} from './waiting-list-strings.js';
export {noFilters as noWaitingListFilters, queryOf as waitingListQueryOf, type ListFilters as WaitingListFilters} from './waiting-list-model.js';
export {checkAssisted, emptyAssisted, isoOfFrenchDate, type AssistedField, type AssistedValues} from './assisted-model.js';
