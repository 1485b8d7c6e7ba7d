import type {Translation} from '../translations/translation.js';

export const fr: Pick<Translation, 'contactHeading' | 'contactPhone' | 'contactEmail' | 'contactCall' | 'contactWrite' | 'contactLoading' | 'contactError' | 'communes'> = {
  contactHeading: 'Contact',
  contactPhone: 'Téléphone',
  contactEmail: 'E-mail',
  contactCall: (phone) => `Appeler le ${phone}`,
  contactWrite: (email) => `Écrire à ${email}`,
  contactLoading: 'Chargement des coordonnées…',
  contactError: 'Impossible d’afficher les coordonnées de la CPTS.',
  // French uses the singular for 0 and 1
  communes: (n) => (n < 2 ? `${n} commune` : `${n} communes`),
};
