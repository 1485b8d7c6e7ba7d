import type {Translation} from '../translations/translation.js';

export const fr: Pick<Translation, 'intakeReplies'> = {
  intakeReplies: {
    errorSummaryTitle: 'Il y a un problème',
    errorPrefix: 'Erreur :',
    errors: {
      'requester.kind': {default: 'Indiquez qui remplit ce formulaire'},
      'requester.name': {default: 'Indiquez votre nom', tooLong: 'Votre nom doit faire 120 caractères au plus'},
      'requester.phone': {default: 'Indiquez votre numéro de téléphone', invalid: 'Indiquez un numéro de téléphone français, par exemple 03 21 00 00 00'},
      'requester.organisation': {default: 'Le nom de la structure doit faire 160 caractères au plus'},
      'person.lastName': {default: 'Indiquez le nom de famille', tooLong: 'Le nom de famille doit faire 100 caractères au plus'},
      'person.firstNames': {default: 'Indiquez le ou les prénoms', tooLong: 'Les prénoms doivent faire 150 caractères au plus'},
      'person.birthDate': {
        default: 'Indiquez la date de naissance',
        impossible: 'La date de naissance doit être une vraie date, par exemple 27 3 1950',
        future: 'La date de naissance doit être dans le passé',
        tooOld: 'Vérifiez l’année de naissance',
      },
      'person.phone': {
        default: 'Indiquez un numéro de téléphone français, par exemple 06 12 34 56 78',
        phoneOrEmail: 'Indiquez un numéro de téléphone, ou à défaut une adresse e-mail',
      },
      'person.email': {default: 'Indiquez une adresse e-mail valide, par exemple nom@exemple.fr'},
      'person.bestTimeToCall': {default: 'Ce champ doit faire 200 caractères au plus'},
      'person.communeInsee': {
        default: 'Indiquez la commune où vit la personne',
        ambiguous: 'Choisissez la commune dans la liste',
        notInTerritory: 'Cette commune n’est pas couverte par la CPTS',
      },
      'person.address': {default: 'L’adresse doit faire 300 caractères au plus'},
      'situation.reason': {default: 'Indiquez pourquoi il n’y a pas de médecin traitant'},
      'situation.reasonOther': {default: 'Précisez la raison', tooLong: 'La raison doit faire 300 caractères au plus'},
      'situation.since': {default: 'Indiquez un mois et une année réels, par exemple 6 2025', future: 'La date doit être dans le passé'},
      comment: {default: 'Le message doit faire 1 000 caractères au plus'},
      consent: {default: 'Cochez la case pour accepter que la CPTS utilise ces informations'},
    },
    otherError: 'Une réponse n’a pas été acceptée. Vérifiez le formulaire ou appelez la CPTS.',
    successTitle: 'Votre demande est enregistrée',
    reference: 'Numéro de la demande',
    receiptDate: 'Date',
    receiptName: 'Nom',
    receiptCommune: 'Commune',
    print: 'Imprimer le récapitulatif',
    another: 'Inscrire une autre personne',
    followRequest: 'Suivre la demande avec cette référence et la date de naissance',
  },
};
