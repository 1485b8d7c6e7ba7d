import type {Translation} from '../translations/translation.js';

export const en: Pick<Translation, 'intakePaper'> = {
  intakePaper: {
    title: 'Paper form: I am looking for a regular doctor',
    instructions: 'Write in capital letters. Tick one box per question. Questions marked “optional” may be left blank.',
    print: 'Print',
    back: 'Back to the online form',
    tick: 'Tick one box',
    writeHere: 'To fill in',
    sendBack: 'Where to hand in this form',
    sendBackTo: (name) => `Hand it in at your town hall or send it to ${name}. The CPTS will then call you back.`,
    phone: (phone) => `Phone: ${phone}`,
    email: (email) => `Email: ${email}`,
    signature: 'Signature',
    date: 'Date',
    forCpts: 'For the CPTS only: received on ____ / ____ / ________',
  },
};
