export {CptsErrorEvent} from './error.js';
