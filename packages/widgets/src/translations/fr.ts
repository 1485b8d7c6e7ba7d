import type {CommonStrings} from './translation.js';

/** What every widget says, in French: with the shared code, the default and the fallback (see `commonStrings`). */
export const fr: CommonStrings = {
  $code: 'fr',
  $name: 'Français',
  $dir: 'ltr',
  loading: 'Chargement…',
  retry: 'Réessayer',
  errorTitle: 'Erreur',
  errorApi: (status) => `Le service a répondu par une erreur (${status}). Réessayez plus tard.`,
  errorNetwork: 'Le service est injoignable. Vérifiez votre connexion puis réessayez.',
  errorTimeout: 'Le service met trop de temps à répondre. Réessayez plus tard.',
  errorUnknown: 'Une erreur inattendue est survenue.',
  errorNoApi: 'Widget mal configuré : indiquez les attributs « api » et « territory », ou placez-le dans un <cpts-provider>.',
  labelSeparator: ' : ',
};
