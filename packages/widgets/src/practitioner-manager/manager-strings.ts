import type {LanguageCode} from '../translations/translation.js';

/** Fields of the practitioner form, in the order they show. */
export type PractitionerField = 'profession' | 'title' | 'firstName' | 'lastName' | 'rpps' | 'practiceName' | 'address' | 'communeInsee' | 'phone' | 'email';

/**
 * Every string of `<cpts-practitioner-manager>` and its parts, French and English, in this one
 * file: the widget's chunk carries them and nothing of the shared dictionary grows.
 */
export interface PractitionerManagerStrings {
  signInTitle: string;
  token: string;
  tokenHint: string;
  signIn: string;
  signingIn: string;
  signOut: string;
  signInError: string;
  /** A save refused because the token no longer works: nothing typed is lost. */
  signInAgain: string;
  /** Before the error's message: a change was saved, but the list could not be read again. */
  reloadFailed: string;
  title: string;
  loading: string;
  create: string;
  search: string;
  searchHint: string;
  count: (shown: number, total: number) => string;
  empty: string;
  noMatch: string;
  inactive: string;
  active: string;
  freshness: {fresh: string; stale: string; never: string};
  actionsFor: (name: string) => string;
  edit: string;
  deactivate: string;
  reactivate: string;
  issueLink: string;
  revokeLinks: string;
  remove: string;
  deactivated: (name: string) => string;
  reactivated: (name: string) => string;
  removed: (name: string) => string;
  revoked: (name: string) => string;
  saved: (name: string) => string;
  confirmRemoveTitle: (name: string) => string;
  confirmRemoveText: string;
  confirmRemove: string;
  confirmRevokeTitle: (name: string) => string;
  confirmRevokeText: string;
  confirmRevoke: string;
  cancel: string;
  // the link
  linkTitle: (name: string) => string;
  linkLabel: string;
  linkOnce: string;
  linkExpires: (date: string) => string;
  copy: string;
  copied: string;
  copyFailed: string;
  linkDone: string;
  // the editor
  editorNew: string;
  editorEdit: (name: string) => string;
  sectionIdentity: string;
  sectionPractice: string;
  sectionContact: string;
  fields: Record<PractitionerField, string>;
  hints: Partial<Record<PractitionerField, string>>;
  chooseProfession: string;
  save: string;
  saving: string;
  fixErrors: string;
  errorPrefix: string;
  required: Partial<Record<PractitionerField, string>>;
  tooLong: (field: string) => string;
  invalid: Record<PractitionerField, string>;
  unknownCommune: string;
  // the import
  importTitle: string;
  importOpen: string;
  importIntro: string;
  importFile: string;
  importFileHint: string;
  importDrop: string;
  importTemplate: string;
  fileSummary: (name: string, size: string, rows: number) => string;
  importCheck: string;
  importChecking: (rows: number, size: string) => string;
  importPreviewTitle: string;
  importPreview: (create: number, update: number) => string;
  importConfirm: (rows: number) => string;
  importing: (rows: number, size: string) => string;
  importDone: (created: number, updated: number) => string;
  importErrorsTitle: (count: number) => string;
  importErrorsHint: string;
  importLine: string;
  importColumn: string;
  importMessage: string;
  importNotCsv: string;
  importEmpty: string;
  importAnother: string;
  previewAction: string;
  previewName: string;
  previewCreate: string;
  previewUpdate: string;
  previewCaption: (shown: number, total: number) => string;
  importTooLarge: string;
  importStop: string;
  importStopped: string;
  warningsTitle: string;
}

const fr: PractitionerManagerStrings = {
  signInTitle: 'Connexion coordinateur',
  token: 'Jeton de coordinateur',
  tokenHint: 'Collez le jeton remis par l’administrateur du serveur. Il reste dans la mémoire de cette page.',
  signIn: 'Se connecter',
  signingIn: 'Connexion…',
  signOut: 'Se déconnecter',
  signInError: 'Ce jeton n’est pas celui d’un coordinateur, ou il a expiré. Vérifiez-le et réessayez.',
  reloadFailed: 'C’est enregistré, mais la liste n’a pas pu être rechargée.',
  signInAgain: 'Votre jeton n’est plus accepté. Connectez-vous de nouveau, puis enregistrez : ce que vous avez saisi est conservé.',
  title: 'Praticiens du territoire',
  loading: 'Chargement des praticiens…',
  create: 'Nouveau praticien',
  search: 'Rechercher un praticien',
  searchHint: 'Nom, profession ou commune',
  count: (shown, total) =>
    shown === total ? (total < 2 ? `${total} praticien` : `${total} praticiens`) : `${shown} sur ${total} praticiens`,
  empty: 'Aucun praticien pour l’instant : ajoutez-en un ou importez un fichier CSV.',
  noMatch: 'Aucun praticien ne correspond à votre recherche.',
  inactive: 'Désactivé',
  active: 'Actif',
  freshness: {fresh: 'Disponibilités à jour', stale: 'Disponibilités à actualiser', never: 'Aucune déclaration'},
  actionsFor: (name) => `Actions pour ${name}`,
  edit: 'Modifier',
  deactivate: 'Désactiver',
  reactivate: 'Réactiver',
  issueLink: 'Émettre un lien personnel',
  revokeLinks: 'Révoquer les liens',
  remove: 'Supprimer',
  deactivated: (name) => `${name} est désactivé : il n’apparaît plus sur la carte publique.`,
  reactivated: (name) => `${name} est réactivé.`,
  removed: (name) => `${name} a été supprimé.`,
  revoked: (name) => `Les liens personnels de ${name} sont révoqués : ils ne fonctionnent plus.`,
  saved: (name) => `${name} est enregistré.`,
  confirmRemoveTitle: (name) => `Supprimer ${name} ?`,
  confirmRemoveText: 'Ses déclarations de disponibilité et ses liens personnels seront supprimés aussi. Cette action est définitive. Pour le retirer seulement de la carte, désactivez-le plutôt.',
  confirmRemove: 'Supprimer définitivement',
  confirmRevokeTitle: (name) => `Révoquer les liens de ${name} ?`,
  confirmRevokeText: 'Tous ses liens personnels cesseront de fonctionner. Vous pourrez lui en émettre un nouveau.',
  confirmRevoke: 'Révoquer',
  cancel: 'Annuler',
  linkTitle: (name) => `Lien personnel de ${name}`,
  linkLabel: 'Adresse du lien',
  linkOnce: 'Ce lien n’est affiché qu’une seule fois : copiez-le maintenant et envoyez-le au praticien. Il ne pourra plus être relu ; en cas de perte, émettez-en un nouveau.',
  linkExpires: (date) => `Valable jusqu’au ${date}.`,
  copy: 'Copier le lien',
  copied: 'Lien copié.',
  copyFailed: 'Copie impossible : le lien est sélectionné, copiez-le avec Ctrl+C (ou Cmd+C).',
  linkDone: 'Fermer',
  editorNew: 'Nouveau praticien',
  editorEdit: (name) => `Modifier ${name}`,
  sectionIdentity: 'Identité',
  sectionPractice: 'Lieu d’exercice',
  sectionContact: 'Coordonnées',
  fields: {
    profession: 'Profession',
    title: 'Titre (facultatif)',
    firstName: 'Prénom',
    lastName: 'Nom',
    rpps: 'Numéro RPPS (facultatif)',
    practiceName: 'Nom de la structure (facultatif)',
    address: 'Adresse (facultatif)',
    communeInsee: 'Commune',
    phone: 'Téléphone (facultatif)',
    email: 'Adresse e-mail (facultatif)',
  },
  hints: {
    title: 'Par exemple : Dr, Pr.',
    rpps: '11 chiffres, sur la carte CPS du praticien.',
    phone: 'Par exemple : 03 21 00 00 00.',
    practiceName: 'Par exemple : MSP des Marais.',
  },
  chooseProfession: 'Choisissez une profession',
  save: 'Enregistrer',
  saving: 'Enregistrement…',
  fixErrors: 'Il y a un problème',
  errorPrefix: 'Erreur :',
  required: {profession: 'Choisissez une profession', firstName: 'Indiquez le prénom', lastName: 'Indiquez le nom', communeInsee: 'Choisissez une commune'},
  tooLong: (field) => `Le champ « ${field} » est trop long`,
  invalid: {
    profession: 'Choisissez une profession dans la liste',
    title: 'Le titre compte 20 caractères au plus',
    firstName: 'Indiquez un prénom d’au plus 100 caractères',
    lastName: 'Indiquez un nom d’au plus 100 caractères',
    rpps: 'Le numéro RPPS compte 11 chiffres, et sa clé de contrôle doit être juste',
    practiceName: 'Le nom de la structure compte 160 caractères au plus',
    address: 'L’adresse compte 300 caractères au plus',
    communeInsee: 'Choisissez une commune du territoire',
    phone: 'Indiquez un numéro de téléphone français, comme 03 21 00 00 00',
    email: 'Indiquez une adresse e-mail valide, comme nom@exemple.fr',
  },
  unknownCommune: 'Cette commune n’appartient pas au territoire',
  importTitle: 'Importer des praticiens (CSV)',
  importOpen: 'Importer un fichier CSV',
  importIntro: 'Le fichier est d’abord vérifié sans rien enregistrer. L’import est ensuite tout ou rien : à la moindre erreur, aucune ligne n’est enregistrée.',
  importFile: 'Fichier CSV',
  importFileHint: 'Séparateur point-virgule, encodage UTF-8, une ligne d’en-têtes. Vous pouvez aussi déposer le fichier ici.',
  importDrop: 'Déposez le fichier CSV ici',
  importTemplate: 'Télécharger un modèle CSV',
  fileSummary: (name, size, rows) => `${name} — ${size}, ${rows < 2 ? `${rows} ligne` : `${rows} lignes`} de données`,
  importCheck: 'Vérifier le fichier',
  importChecking: (rows, size) => `Vérification de ${rows < 2 ? `${rows} ligne` : `${rows} lignes`} (${size}) en cours…`,
  importPreviewTitle: 'Aperçu de l’import',
  importPreview: (create, update) =>
    `Le fichier est valide : ${create < 2 ? `${create} praticien sera créé` : `${create} praticiens seront créés`}, ${update < 2 ? `${update} sera mis à jour` : `${update} seront mis à jour`}. Rien n’est encore enregistré.`,
  importConfirm: (rows) => `Importer ${rows < 2 ? `${rows} ligne` : `${rows} lignes`}`,
  importing: (rows, size) => `Import de ${rows < 2 ? `${rows} ligne` : `${rows} lignes`} (${size}) en cours…`,
  importDone: (created, updated) => `Import terminé : ${created < 2 ? `${created} créé` : `${created} créés`}, ${updated < 2 ? `${updated} mis à jour` : `${updated} mis à jour`}.`,
  importErrorsTitle: (count) => (count < 2 ? `${count} erreur dans le fichier : rien n’a été enregistré` : `${count} erreurs dans le fichier : rien n’a été enregistré`),
  importErrorsHint: 'Corrigez le fichier puis vérifiez-le de nouveau.',
  importLine: 'Ligne',
  importColumn: 'Colonne',
  importMessage: 'Problème',
  importNotCsv: 'Choisissez un fichier .csv.',
  importEmpty: 'Ce fichier ne contient aucune ligne de données.',
  importAnother: 'Choisir un autre fichier',
  previewAction: 'Opération',
  previewName: 'Praticien',
  previewCreate: 'Création',
  previewUpdate: 'Mise à jour',
  previewCaption: (shown, total) => (shown === total ? `Les ${total} lignes du fichier` : `Les ${shown} premières lignes sur ${total}`),
  importTooLarge: 'Ce fichier dépasse 5 Mo : découpez-le en plusieurs fichiers.',
  importStop: 'Arrêter',
  importStopped: 'Envoi arrêté : rien n’a été enregistré.',
  warningsTitle: 'Remarques',
};

const en: PractitionerManagerStrings = {
  signInTitle: 'Coordinator sign-in',
  token: 'Coordinator token',
  tokenHint: 'Paste the token the server’s administrator gave you. It stays in this page’s memory only.',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signOut: 'Sign out',
  signInError: 'This token is not a coordinator’s, or it has expired. Check it and try again.',
  reloadFailed: 'Saved, but the list could not be loaded again.',
  signInAgain: 'Your token is no longer accepted. Sign in again, then save: what you typed is kept.',
  title: 'Practitioners of the territory',
  loading: 'Loading the practitioners…',
  create: 'New practitioner',
  search: 'Search for a practitioner',
  searchHint: 'Name, profession or commune',
  count: (shown, total) => (shown === total ? (total === 1 ? '1 practitioner' : `${total} practitioners`) : `${shown} of ${total} practitioners`),
  empty: 'No practitioner yet: add one or import a CSV file.',
  noMatch: 'No practitioner matches your search.',
  inactive: 'Deactivated',
  active: 'Active',
  freshness: {fresh: 'Availability up to date', stale: 'Availability to refresh', never: 'Never declared'},
  actionsFor: (name) => `Actions for ${name}`,
  edit: 'Edit',
  deactivate: 'Deactivate',
  reactivate: 'Reactivate',
  issueLink: 'Issue a personal link',
  revokeLinks: 'Revoke links',
  remove: 'Delete',
  deactivated: (name) => `${name} is deactivated: no longer on the public map.`,
  reactivated: (name) => `${name} is reactivated.`,
  removed: (name) => `${name} was deleted.`,
  revoked: (name) => `${name}’s personal links are revoked: they no longer work.`,
  saved: (name) => `${name} is saved.`,
  confirmRemoveTitle: (name) => `Delete ${name}?`,
  confirmRemoveText: 'Their availability declarations and personal links will be deleted too. This cannot be undone. To only take them off the map, deactivate them instead.',
  confirmRemove: 'Delete for good',
  confirmRevokeTitle: (name) => `Revoke ${name}’s links?`,
  confirmRevokeText: 'Every personal link of theirs will stop working. You can issue a new one.',
  confirmRevoke: 'Revoke',
  cancel: 'Cancel',
  linkTitle: (name) => `Personal link of ${name}`,
  linkLabel: 'Link address',
  linkOnce: 'This link is shown only once: copy it now and send it to the practitioner. It cannot be shown again; if it is lost, issue a new one.',
  linkExpires: (date) => `Valid until ${date}.`,
  copy: 'Copy the link',
  copied: 'Link copied.',
  copyFailed: 'Could not copy: the link is selected, copy it with Ctrl+C (or Cmd+C).',
  linkDone: 'Close',
  editorNew: 'New practitioner',
  editorEdit: (name) => `Edit ${name}`,
  sectionIdentity: 'Identity',
  sectionPractice: 'Place of practice',
  sectionContact: 'Contact details',
  fields: {
    profession: 'Profession',
    title: 'Title (optional)',
    firstName: 'First name',
    lastName: 'Last name',
    rpps: 'RPPS number (optional)',
    practiceName: 'Practice name (optional)',
    address: 'Address (optional)',
    communeInsee: 'Commune',
    phone: 'Phone (optional)',
    email: 'E-mail address (optional)',
  },
  hints: {
    title: 'For example: Dr, Pr.',
    rpps: '11 digits, on the practitioner’s CPS card.',
    phone: 'For example: 03 21 00 00 00.',
    practiceName: 'For example: MSP des Marais.',
  },
  chooseProfession: 'Choose a profession',
  save: 'Save',
  saving: 'Saving…',
  fixErrors: 'There is a problem',
  errorPrefix: 'Error:',
  required: {profession: 'Choose a profession', firstName: 'Enter the first name', lastName: 'Enter the last name', communeInsee: 'Choose a commune'},
  tooLong: (field) => `“${field}” is too long`,
  invalid: {
    profession: 'Choose a profession from the list',
    title: 'The title has 20 characters at most',
    firstName: 'Enter a first name of at most 100 characters',
    lastName: 'Enter a last name of at most 100 characters',
    rpps: 'The RPPS number has 11 digits, and its check digit must be right',
    practiceName: 'The practice name has 160 characters at most',
    address: 'The address has 300 characters at most',
    communeInsee: 'Choose a commune of the territory',
    phone: 'Enter a French phone number, like 03 21 00 00 00',
    email: 'Enter a valid e-mail address, like name@example.fr',
  },
  unknownCommune: 'This commune is not part of the territory',
  importTitle: 'Import practitioners (CSV)',
  importOpen: 'Import a CSV file',
  importIntro: 'The file is checked first, without saving anything. The import is then all or nothing: with any error, no row is saved.',
  importFile: 'CSV file',
  importFileHint: 'Semicolon-separated, UTF-8, one header row. You can also drop the file here.',
  importDrop: 'Drop the CSV file here',
  importTemplate: 'Download a CSV template',
  fileSummary: (name, size, rows) => `${name} — ${size}, ${rows === 1 ? '1 data row' : `${rows} data rows`}`,
  importCheck: 'Check the file',
  importChecking: (rows, size) => `Checking ${rows === 1 ? '1 row' : `${rows} rows`} (${size})…`,
  importPreviewTitle: 'Import preview',
  importPreview: (create, update) =>
    `The file is valid: ${create === 1 ? '1 practitioner will be created' : `${create} practitioners will be created`}, ${update} will be updated. Nothing is saved yet.`,
  importConfirm: (rows) => `Import ${rows === 1 ? '1 row' : `${rows} rows`}`,
  importing: (rows, size) => `Importing ${rows === 1 ? '1 row' : `${rows} rows`} (${size})…`,
  importDone: (created, updated) => `Import done: ${created} created, ${updated} updated.`,
  importErrorsTitle: (count) => (count === 1 ? '1 error in the file: nothing was saved' : `${count} errors in the file: nothing was saved`),
  importErrorsHint: 'Fix the file, then check it again.',
  importLine: 'Line',
  importColumn: 'Column',
  importMessage: 'Problem',
  importNotCsv: 'Choose a .csv file.',
  importEmpty: 'This file has no data row.',
  importAnother: 'Choose another file',
  previewAction: 'Operation',
  previewName: 'Practitioner',
  previewCreate: 'Create',
  previewUpdate: 'Update',
  previewCaption: (shown, total) => (shown === total ? `All ${total} rows of the file` : `The first ${shown} rows of ${total}`),
  importTooLarge: 'This file is larger than 5 MB: split it into several files.',
  importStop: 'Stop',
  importStopped: 'Sending stopped: nothing was saved.',
  warningsTitle: 'Notes',
};

export const practitionerManagerStrings: Record<LanguageCode, PractitionerManagerStrings> = {fr, en};
