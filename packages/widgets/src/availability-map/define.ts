import {defineElement} from '../internal/define-element.js';
import {CptsAvailabilityMap} from './availability-map.js';

defineElement('cpts-availability-map', CptsAvailabilityMap);
