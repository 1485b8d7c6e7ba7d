import {defineElement} from '../internal/define-element.js';
import {CptsImpact} from './impact.js';

defineElement('cpts-impact', CptsImpact);
