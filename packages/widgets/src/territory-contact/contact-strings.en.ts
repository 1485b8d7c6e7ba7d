import type {Translation} from '../translations/translation.js';

export const en: Pick<Translation, 'contact'> = {
  contact: {
    heading: 'Contact',
    phone: 'Phone',
    email: 'Email',
    call: (phone) => `Call ${phone}`,
    write: (email) => `Write to ${email}`,
    loading: 'Loading contact details…',
    error: 'The CPTS contact details cannot be shown.',
    communes: (n) => (n === 1 ? '1 municipality' : `${n} municipalities`),
  },
};
