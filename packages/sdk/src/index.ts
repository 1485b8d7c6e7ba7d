export {CptsClient, createClient, type CallInput, type ClientOptions, type IdempotentRequestOptions, type Query, type RequestOptions} from './client.js';
export * from './operations/index.js';
export {CptsError} from './errors/CptsError.js';
export {CptsApiError} from './errors/CptsApiError.js';
export {CptsNetworkError} from './errors/CptsNetworkError.js';
export {CptsTimeoutError} from './errors/CptsTimeoutError.js';
export {CptsResponseError} from './errors/CptsResponseError.js';
export {isCptsApiError, isCptsError, isCptsNetworkError, isCptsTimeoutError} from './errors/guards.js';
export {newIdempotencyKey} from './idempotency.js';
