export {CptsOutbox} from './outbox.js';
export {outboxStrings, type OutboxStrings} from './outbox-strings.js';
