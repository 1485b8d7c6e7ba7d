import type {MessageKind, MessageLanguage} from './outbox.js';

/** What a template reads: the row's data plus the territory it speaks for. */
export interface MessageContext {
  cpts: string;
  phone: string;
  reference: string;
  /** Digest: how many registrations, and their references. */
  count: number;
  references: string[];
  day: string;
  /** Reminder: days since the last declaration. */
  days: number;
  website: string | null;
}

/** One message: its subject, its paragraphs, and why it was sent (the last words of every message). */
export interface MessageText {
  subject: string;
  paragraphs: string[];
  why: string;
}

type Templates = Record<MessageKind, (c: MessageContext) => MessageText>;

const fr: Templates = {
  receipt: (c) => ({
    subject: `${c.cpts} : votre demande ${c.reference} est enregistrée`,
    paragraphs: [
      `Votre demande de médecin traitant est bien enregistrée sous la référence ${c.reference}. Gardez-la : elle permet de suivre la demande.`,
      `La suite : l’équipe de la ${c.cpts} étudie chaque demande, en commençant par les situations prioritaires, puis vous appelle quand une solution se présente. Cela peut prendre plusieurs semaines.`,
    ],
    why: 'Vous recevez ce message parce qu’une adresse e-mail a été donnée dans le formulaire d’inscription. C’est le seul message automatique qui ne peut pas être désactivé.',
  }),
  request_oriented: (c) => ({
    subject: `${c.cpts} : votre demande ${c.reference} avance`,
    paragraphs: [
      `Bonne nouvelle : votre demande ${c.reference} a été orientée vers un professionnel de santé.`,
      'La CPTS ou le cabinet vous contactera pour convenir d’un premier rendez-vous.',
    ],
    why: 'Vous recevez ce message parce que la situation de votre demande a changé et qu’une adresse e-mail a été donnée à l’inscription.',
  }),
  request_closed: (c) => ({
    subject: `${c.cpts} : votre demande ${c.reference} est clôturée`,
    paragraphs: [`Votre demande ${c.reference} a été clôturée.`, 'Si vous cherchez toujours un médecin traitant, appelez la CPTS : elle pourra la rouvrir.'],
    why: 'Vous recevez ce message parce que la situation de votre demande a changé et qu’une adresse e-mail a été donnée à l’inscription.',
  }),
  priority_alert: (c) => ({
    subject: `Nouvelle inscription prioritaire : ${c.reference}`,
    paragraphs: [`Une personne répondant à un critère de priorité vient de s’inscrire (référence ${c.reference}).`, 'Ouvrez la liste d’attente pour la voir.'],
    why: `Vous recevez ce message parce que cette adresse est celle de la coordination de la ${c.cpts} : les inscriptions prioritaires sont signalées aussitôt.`,
  }),
  daily_digest: (c) => ({
    subject: `${c.cpts} : ${c.count} nouvelle${c.count > 1 ? 's' : ''} inscription${c.count > 1 ? 's' : ''} le ${c.day}`,
    paragraphs: [
      `${c.count} inscription${c.count > 1 ? 's' : ''} non prioritaire${c.count > 1 ? 's' : ''} le ${c.day} : ${c.references.join(', ')}.`,
      'Ouvrez la liste d’attente pour les voir.',
    ],
    why: `Vous recevez ce résumé quotidien parce que cette adresse est celle de la coordination de la ${c.cpts}.`,
  }),
  proposal: (c) => ({
    subject: `${c.cpts} : un patient vous est proposé`,
    paragraphs: [
      'La coordination vous propose une personne qui cherche un médecin traitant.',
      'Ouvrez votre lien personnel (celui que la CPTS vous a donné) pour accepter ou décliner. Si vous ne le retrouvez pas, demandez-en un nouveau à la CPTS.',
    ],
    why: `Vous recevez ce message parce que la coordination de la ${c.cpts} vous a proposé une personne.`,
  }),
  stale_reminder: (c) => ({
    subject: `${c.cpts} : vos disponibilités sont-elles à jour ?`,
    paragraphs: [
      `Votre dernière déclaration de disponibilité date de ${c.days} jours : la carte et la coordination s’appuient peut-être sur une information dépassée.`,
      `Mettez-la à jour en 20 secondes avec votre lien personnel (celui que la CPTS vous a donné${c.website ? `, à ouvrir sur ${c.website}` : ''}). Si vous ne le retrouvez pas, demandez-en un nouveau à la CPTS.`,
    ],
    why: `Vous recevez ce rappel parce que vous êtes inscrit à la ${c.cpts} et que votre déclaration n’a pas été mise à jour depuis ${c.days} jours. Au plus un rappel par période.`,
  }),
};

const en: Templates = {
  receipt: (c) => ({
    subject: `${c.cpts}: your request ${c.reference} is registered`,
    paragraphs: [
      `Your request for a regular doctor (médecin traitant) is registered under the reference ${c.reference}. Keep it: it lets you follow the request.`,
      `What happens next: the ${c.cpts} team reviews every request, priority situations first, and calls you when a solution comes up. It may take several weeks.`,
    ],
    why: 'You receive this message because an e-mail address was given in the registration form. It is the only automatic message that cannot be turned off.',
  }),
  request_oriented: (c) => ({
    subject: `${c.cpts}: your request ${c.reference} is moving forward`,
    paragraphs: [
      `Good news: your request ${c.reference} has been referred to a health professional.`,
      'The CPTS or the practice will contact you to arrange a first appointment.',
    ],
    why: 'You receive this message because your request changed and an e-mail address was given at registration.',
  }),
  request_closed: (c) => ({
    subject: `${c.cpts}: your request ${c.reference} is closed`,
    paragraphs: [`Your request ${c.reference} has been closed.`, 'If you are still looking for a regular doctor, call the CPTS: it can reopen it.'],
    why: 'You receive this message because your request changed and an e-mail address was given at registration.',
  }),
  priority_alert: fr.priority_alert,
  daily_digest: fr.daily_digest,
  proposal: fr.proposal,
  stale_reminder: fr.stale_reminder,
};

export const TEMPLATES: Record<MessageLanguage, Templates> = {fr, en};

export const FOOTER: Record<MessageLanguage, {phone: (cpts: string, phone: string) => string; unsubscribe: string; reference: string}> = {
  fr: {
    phone: (cpts, phone) => `Sans internet, ou pour toute question : appelez la ${cpts} au ${phone}.`,
    unsubscribe: 'Ne plus recevoir ces messages',
    reference: 'Référence',
  },
  en: {phone: (cpts, phone) => `No internet, or any question: call the ${cpts} on ${phone}.`, unsubscribe: 'Stop these messages', reference: 'Reference'},
};
