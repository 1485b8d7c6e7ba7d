import type {Translation} from '../translations/translation.js';

export const en: Pick<Translation, 'contactHeading' | 'contactPhone' | 'contactEmail' | 'contactCall' | 'contactWrite' | 'contactLoading' | 'contactError' | 'communes'> = {
  contactHeading: 'Contact',
  contactPhone: 'Phone',
  contactEmail: 'Email',
  contactCall: (phone) => `Call ${phone}`,
  contactWrite: (email) => `Write to ${email}`,
  contactLoading: 'Loading contact details…',
  contactError: 'The CPTS contact details cannot be shown.',
  communes: (n) => (n === 1 ? '1 municipality' : `${n} municipalities`),
};
