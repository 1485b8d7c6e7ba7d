import type {Translation} from '../translations/translation.js';

export const fr: Pick<Translation, 'contact'> = {
  contact: {
    heading: 'Contact',
    phone: 'Téléphone',
    email: 'E-mail',
    call: (phone) => `Appeler le ${phone}`,
    write: (email) => `Écrire à ${email}`,
    loading: 'Chargement des coordonnées…',
    error: 'Impossible d’afficher les coordonnées de la CPTS.',
    // French uses the singular for 0 and 1
    communes: (n) => (n < 2 ? `${n} commune` : `${n} communes`),
  },
};
