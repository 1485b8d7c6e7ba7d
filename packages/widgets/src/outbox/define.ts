import {defineElement} from '../internal/define-element.js';
import {CptsOutbox} from './outbox.js';

defineElement('cpts-outbox', CptsOutbox);
