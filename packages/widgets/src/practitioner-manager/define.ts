import {defineElement} from '../internal/define-element.js';
import {CptsPractitionerEditor} from './practitioner-editor.js';
import {CptsPractitionerImport} from './practitioner-import.js';
import {CptsPractitionerManager} from './practitioner-manager.js';

defineElement('cpts-practitioner-editor', CptsPractitionerEditor);
defineElement('cpts-practitioner-import', CptsPractitionerImport);
defineElement('cpts-practitioner-manager', CptsPractitionerManager);
