import {defineElement} from '../internal/define-element.js';
import {CptsAvailabilityBoard} from './availability-board.js';

defineElement('cpts-availability-board', CptsAvailabilityBoard);
