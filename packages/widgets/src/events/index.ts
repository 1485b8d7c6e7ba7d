export {CptsErrorEvent} from './error.js';
export {CptsSignedInEvent} from './signed-in.js';
