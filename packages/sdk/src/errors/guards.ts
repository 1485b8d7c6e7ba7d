import type {CptsApiError} from './CptsApiError.js';
import type {CptsError} from './CptsError.js';
import type {CptsNetworkError} from './CptsNetworkError.js';
import type {CptsTimeoutError} from './CptsTimeoutError.js';

// by name rather than instanceof: errors can cross realms (iframes) and duplicated bundles
const hasName = (value: unknown, name: string): boolean => typeof value === 'object' && value !== null && (value as {name?: unknown}).name === name;

export const isCptsApiError = (value: unknown): value is CptsApiError => hasName(value, 'CptsApiError');
export const isCptsNetworkError = (value: unknown): value is CptsNetworkError => hasName(value, 'CptsNetworkError');
export const isCptsTimeoutError = (value: unknown): value is CptsTimeoutError => hasName(value, 'CptsTimeoutError');
export const isCptsError = (value: unknown): value is CptsError => value instanceof Error && typeof value.name === 'string' && value.name.startsWith('Cpts');
