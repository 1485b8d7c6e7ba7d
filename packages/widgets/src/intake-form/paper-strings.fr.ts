import type {Translation} from '../translations/translation.js';

export const fr: Pick<Translation, 'intakePaper'> = {
  intakePaper: {
    title: 'Formulaire papier : je cherche un médecin traitant',
    instructions: 'Écrivez en majuscules. Cochez une case par question. Les questions marquées « facultatif » peuvent rester vides.',
    print: 'Imprimer',
    back: 'Revenir au formulaire en ligne',
    tick: 'Cochez une case',
    writeHere: 'À remplir',
    sendBack: 'Où rendre ce formulaire',
    sendBackTo: (name) => `Déposez-le à votre mairie ou envoyez-le à ${name}. La CPTS vous rappelle ensuite.`,
    phone: (phone) => `Téléphone : ${phone}`,
    email: (email) => `Courriel : ${email}`,
    signature: 'Signature',
    date: 'Date',
    forCpts: 'Cadre réservé à la CPTS : reçu le ____ / ____ / ________',
  },
};
