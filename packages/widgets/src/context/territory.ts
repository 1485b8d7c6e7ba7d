import {createContext} from '@lit/context';
import type {Territory} from '@cpts-kit/contract';

/** The territory as the provider knows it: fetched once, shared by every widget. */
export type TerritoryState = {status: 'loading'} | {status: 'ready'; territory: Territory} | {status: 'error'; error: unknown};

export const territoryContext = createContext<TerritoryState | undefined>(Symbol('cpts-territory'));
