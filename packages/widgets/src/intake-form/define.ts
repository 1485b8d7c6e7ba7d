import {defineElement} from '../internal/define-element.js';
import {CptsIntakeForm} from './intake-form.js';

defineElement('cpts-intake-form', CptsIntakeForm);
