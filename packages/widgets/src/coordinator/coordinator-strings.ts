import {defineStrings} from '../translations/bundle.js';

/** Strings of the coordinator kit: the one sign-in, the error summary, the row menus, « Choisissez… ». */
export interface CoordinatorStrings {
  signInTitle: string;
  token: string;
  tokenHint: string;
  signIn: string;
  signingIn: string;
  signOut: string;
  /** The box that holds the sign-out once signed in. */
  signedIn: string;
  /** Said to every tool once the coordinator signed out. */
  signedOut: string;
  tokenRequired: string;
  /** The token typed was refused. */
  signInError: string;
  /** The token was refused mid-session: what was typed stays. */
  expired: string;
  /** A tool of a provider whose sign-in form is elsewhere on the page. */
  signInAbove: string;
  goToSignIn: string;
  /** An editor's save refused because the token no longer works. */
  signInAgain: string;
  choose: string;
  fixErrors: string;
  errorPrefix: string;
  actionsFor: (name: string) => string;
}

declare module '../translations/translation.js' {
  interface Translation {
    coordinator: CoordinatorStrings;
  }
}

export const coordinatorStrings = defineStrings<'coordinator'>({
  fr: () => import('./coordinator-strings.fr.js').then((m) => m.fr),
  en: () => import('./coordinator-strings.en.js').then((m) => m.en),
});
