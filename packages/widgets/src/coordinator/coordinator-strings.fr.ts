import type {Translation} from '../translations/translation.js';

export const fr: Pick<Translation, 'coordinator'> = {
  coordinator: {
    signInTitle: 'Connexion coordinateur pour tous les outils de la page',
    token: 'Jeton de coordinateur',
    tokenHint: 'Collez le jeton remis par l’administrateur du serveur. Il reste dans la mémoire de cette page et sert à tous ses outils.',
    signIn: 'Se connecter',
    signingIn: 'Connexion…',
    signOut: 'Se déconnecter',
    signedIn: 'Vous êtes connecté comme coordinateur.',
    signedOut: 'Vous êtes déconnecté de tous les outils.',
    tokenRequired: 'Collez votre jeton de coordinateur',
    signInError: 'Ce jeton n’est pas celui d’un coordinateur, ou il a expiré. Vérifiez-le et réessayez.',
    expired: 'Votre jeton n’est plus accepté : il a expiré ou a été révoqué. Collez un nouveau jeton ; ce que vous avez saisi est conservé.',
    signInAbove: 'Connectez-vous ci-dessus pour utiliser cet outil.',
    goToSignIn: 'Aller à la connexion',
    signInAgain: 'Votre jeton n’est plus accepté. Connectez-vous de nouveau, puis enregistrez : ce que vous avez saisi est conservé.',
    choose: 'Choisissez…',
    fixErrors: 'Il y a un problème',
    errorPrefix: 'Erreur :',
    actionsFor: (name) => `Actions pour ${name}`,
  },
};
