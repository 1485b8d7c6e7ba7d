import {defineElement} from '../internal/define-element.js';
import {CptsAssistedIntake} from './assisted-form.js';
import {CptsIntakeActions} from './intake-actions.js';
import {CptsWaitingListImport} from './waiting-list-import.js';
import {CptsWaitingList} from './waiting-list.js';

defineElement('cpts-intake-actions', CptsIntakeActions);
defineElement('cpts-assisted-intake', CptsAssistedIntake);
defineElement('cpts-waiting-list-import', CptsWaitingListImport);
defineElement('cpts-waiting-list', CptsWaitingList);
