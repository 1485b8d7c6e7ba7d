import {defineElement} from '../internal/define-element.js';
import {CptsProvider} from './provider.js';

defineElement('cpts-provider', CptsProvider);
