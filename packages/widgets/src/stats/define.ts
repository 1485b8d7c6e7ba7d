import {defineElement} from '../internal/define-element.js';
import {CptsStats} from './stats.js';

defineElement('cpts-stats', CptsStats);
