import type {Translation} from '../translations/translation.js';

export const en: Pick<Translation, 'requestStatus'> = {
  requestStatus: {
    title: 'Where does my request stand?',
    intro: 'Enter the reference of your request for a GP and the date of birth of the person registered.',
    reference: 'Request reference',
    referenceHint: (example) => `It is on the receipt, for example: ${example}`,
    birthDate: 'Date of birth of the person registered',
    birthDateHint: 'For example: 27 3 1950',
    day: 'Day',
    month: 'Month',
    year: 'Year',
    submit: 'See where the request stands',
    checking: 'Looking for the request…',
    errorSummaryTitle: 'There is a problem',
    errorPrefix: 'Error:',
    errors: {
      reference: {default: 'Enter the request reference', invalid: 'Write the reference as on the receipt, for example DEMO-2026-000123'},
      birthDate: {
        default: 'Enter the date of birth',
        impossible: 'The date of birth must be a real date, like 27 3 1950',
        future: 'The date of birth must be in the past',
      },
    },
    answerTitle: (reference) => `Request ${reference}`,
    progress: {received: 'Received', in_progress: 'In progress', oriented: 'Referred to a doctor', resolved: 'Solution found', closed: 'Closed'},
    explain: {
      received: (received) => `Received on ${received}. The CPTS will call you to look for a GP with you.`,
      in_progress: (received, since) => `Received on ${received}. The CPTS has been working on it since ${since}: it is looking for a doctor who can take you on.`,
      oriented: (_received, since) => `Referred to a doctor on ${since}. The doctor or the CPTS will contact you for a first appointment.`,
      resolved: (_received, since) => `Solution found on ${since}: a GP is taking care of you.`,
      closed: (_received, since) => `Closed on ${since}.`,
    },
    closedBecause: {
      found: 'A GP was found.',
      moved_away: 'You have moved out of the CPTS’s area.',
      unreachable: 'The CPTS could not reach you. If you are still looking for a doctor, call it.',
      duplicate: 'It duplicated another request in your name, which is still followed.',
      withdrew: 'The request was withdrawn.',
      other: 'To know more, call the CPTS.',
    },
    notFound: 'We cannot find a request with these details.',
    notFoundHelp: 'Check the reference and the date of birth, or call the CPTS.',
    tooManyTries: (minutes) =>
      minutes === undefined ? 'Too many attempts, try again later.' : `Too many attempts, try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    failed: 'The search did not go through.',
    call: (phone) => `Call the CPTS on ${phone}`,
    byPhone: (phone) => `You can also call the CPTS on ${phone}.`,
    another: 'Look up another request',
  },
};
