import {defineElement} from '../internal/define-element.js';
import {CptsRequestStatus} from './request-status.js';

defineElement('cpts-request-status', CptsRequestStatus);
