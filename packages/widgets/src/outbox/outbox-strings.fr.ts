import type {Translation} from '../translations/translation.js';

const plural = (n: number, one: string, many: string) => `${n} ${n < 2 ? one : many}`;

export const fr: Pick<Translation, 'outbox'> = {
  outbox: {
    title: 'Messages',
    loading: 'Chargement des messages…',
    refresh: 'Actualiser',
    notConfigured: (n) =>
      `L’envoi d’e-mails n’est pas configuré sur le serveur (CPTS_SMTP_URL) : ${plural(n, 'message attend', 'messages attendent')}. Ils partiront dès qu’il le sera ; d’ici là, appelez les personnes concernées.`,
    counts: (c) => `En attente : ${c.pending + c.sending} · Envoyés : ${c.sent} · Échecs : ${c.failed} · Désinscrits : ${c.skipped}`,
    caption: 'Messages en attente ou en échec, du plus ancien au plus récent',
    columns: {kind: 'Message', recipient: 'Destinataire', status: 'État', attempts: 'Tentatives', lastError: 'Dernière erreur', createdAt: 'Créé le'},
    kinds: {
      receipt: 'Accusé de réception',
      request_oriented: 'Demande orientée',
      request_closed: 'Demande clôturée',
      priority_alert: 'Alerte inscription prioritaire',
      daily_digest: 'Résumé quotidien',
      proposal: 'Proposition à un professionnel',
      stale_reminder: 'Rappel de mise à jour',
    },
    statuses: {pending: 'En attente', sending: 'En cours d’envoi', sent: 'Envoyé', failed: 'Échec', skipped: 'Désinscrit'},
    coordination: 'Coordination (adresse du territoire)',
    nextAttempt: (date) => `prochain essai ${date}`,
    empty: 'Aucun message en attente ni en échec.',
    signedOut: 'Vous êtes déconnecté.',
  },
};
