export {tokens} from './tokens.js';
export {base} from './base.js';
export {formStyles} from './form.js';
