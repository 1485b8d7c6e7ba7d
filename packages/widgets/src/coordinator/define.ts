import {defineElement} from '../internal/define-element.js';
import {CptsCoordinatorSignIn} from './coordinator-sign-in.js';

defineElement('cpts-coordinator-sign-in', CptsCoordinatorSignIn);
