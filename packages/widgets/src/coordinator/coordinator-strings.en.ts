import type {Translation} from '../translations/translation.js';

export const en: Pick<Translation, 'coordinator'> = {
  coordinator: {
    signInTitle: 'Coordinator sign-in for every tool on this page',
    token: 'Coordinator token',
    tokenHint: 'Paste the token the server’s administrator gave you. It stays in this page’s memory and serves every tool on it.',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    signOut: 'Sign out',
    signedIn: 'You are signed in as a coordinator.',
    signedOut: 'You are signed out of every tool.',
    tokenRequired: 'Paste your coordinator token',
    signInError: 'This token is not a coordinator’s, or it has expired. Check it and try again.',
    expired: 'Your token is no longer accepted: it has expired or was revoked. Paste a new token; what you typed is kept.',
    signInAbove: 'Sign in above to use this tool.',
    goToSignIn: 'Go to the sign-in',
    signInAgain: 'Your token is no longer accepted. Sign in again, then save: what you typed is kept.',
    choose: 'Choose…',
    fixErrors: 'There is a problem',
    errorPrefix: 'Error:',
    actionsFor: (name) => `Actions for ${name}`,
  },
};
