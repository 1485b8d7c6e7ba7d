import {createContext} from '@lit/context';
import type {CptsClient} from '@cpts-kit/sdk';

export type {CptsClient};

/** The SDK client a `<cpts-provider>` shares with every widget inside it. */
export const clientContext = createContext<CptsClient | undefined>(Symbol('cpts-client'));
