import type {Translation} from '../translations/translation.js';

export const en: Pick<Translation, 'intakeReplies'> = {
  intakeReplies: {
    errorSummaryTitle: 'There is a problem',
    errorPrefix: 'Error:',
    errors: {
      'requester.kind': {default: 'Say who is filling in this form'},
      'requester.name': {default: 'Enter your name', tooLong: 'Your name must be 120 characters or fewer'},
      'requester.phone': {default: 'Enter your phone number', invalid: 'Enter a French phone number, like 03 21 00 00 00'},
      'requester.organisation': {default: 'The organisation must be 160 characters or fewer'},
      'person.lastName': {default: 'Enter the last name', tooLong: 'The last name must be 100 characters or fewer'},
      'person.firstNames': {default: 'Enter the first names', tooLong: 'The first names must be 150 characters or fewer'},
      'person.birthDate': {
        default: 'Enter the date of birth',
        impossible: 'The date of birth must be a real date, like 27 3 1950',
        future: 'The date of birth must be in the past',
        tooOld: 'Check the year of birth',
      },
      'person.phone': {
        default: 'Enter a French phone number, like 06 12 34 56 78',
        phoneOrEmail: 'Enter a phone number, or else an email address',
      },
      'person.email': {default: 'Enter a valid email address, like name@example.com'},
      'person.bestTimeToCall': {default: 'This must be 200 characters or fewer'},
      'person.communeInsee': {
        default: 'Enter the town or village where the person lives',
        ambiguous: 'Choose the town or village from the list',
        notInTerritory: 'This place is not covered by the CPTS',
      },
      'person.address': {default: 'The address must be 300 characters or fewer'},
      'situation.reason': {default: 'Say why there is no GP'},
      'situation.reasonOther': {default: 'Give the reason', tooLong: 'The reason must be 300 characters or fewer'},
      'situation.since': {default: 'Enter a real month and year, like 6 2025', future: 'The date must be in the past'},
      comment: {default: 'The message must be 1,000 characters or fewer'},
      consent: {default: 'Tick the box to agree that the CPTS uses this information'},
    },
    otherError: 'An answer was not accepted. Check the form or call the CPTS.',
    successTitle: 'Your request is registered',
    reference: 'Request number',
    receiptDate: 'Date',
    receiptName: 'Name',
    receiptCommune: 'Town or village',
    print: 'Print a summary',
    another: 'Register someone else',
    followRequest: 'Follow the request with this reference and the date of birth',
  },
};
