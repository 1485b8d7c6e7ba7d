import {defineElement} from '../internal/define-element.js';
import {CptsCartodispo} from './cartodispo.js';

defineElement('cpts-cartodispo', CptsCartodispo);
