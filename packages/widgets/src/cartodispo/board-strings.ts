import type {Accepting, Freshness, PatientScope, Visibility} from '@cpts-kit/contract';
import type {LanguageCode} from '../translations/translation.js';
import type {BoardSort} from './board-model.js';

/**
 * Strings of `<cpts-cartodispo mode="board">`. They live beside the board, not in the shared
 * dictionaries, so a page without the board never downloads them; professions and the shared
 * error messages still come from the shared dictionaries.
 */
export interface BoardStrings {
  title: string;
  signInTitle: string;
  signInIntro: string;
  token: string;
  tokenHint: string;
  signIn: string;
  checking: string;
  signInError: string;
  signOut: string;
  signedOut: string;
  errorPrefix: string;
  loading: string;
  loadError: string;
  refresh: string;
  filtersLegend: string;
  search: string;
  searchHint: string;
  profession: string;
  anyProfession: string;
  commune: string;
  anyCommune: string;
  accepting: string;
  anyAccepting: string;
  acceptingFilter: Record<Accepting, string>;
  freshnessFilter: string;
  anyFreshness: string;
  homeVisits: string;
  snp: string;
  msu: string;
  sort: string;
  sorts: Record<BoardSort, string>;
  reset: string;
  counts: (shown: number, total: number) => string;
  acceptingCount: (n: number) => string;
  staleCount: (n: number) => string;
  empty: string;
  emptyFiltered: string;
  view: string;
  showList: string;
  showMap: string;
  mapLabel: string;
  mapLoading: string;
  noTiles: string;
  zoomIn: string;
  zoomOut: string;
  cluster: (count: number) => string;
  close: string;
  exportCsv: string;
  exported: (count: number) => string;
  caption: string;
  staleRule: (days: number) => string;
  tableRegion: string;
  columns: {
    name: string;
    profession: string;
    commune: string;
    accepting: string;
    quota: string;
    scope: string;
    homeVisits: string;
    snp: string;
    teleconsultation: string;
    msu: string;
    visibility: string;
    freshness: string;
    declaredAt: string;
    note: string;
  };
  acceptingShort: Record<Accepting, string>;
  quota: (n: number) => string;
  noQuota: string;
  scopes: Record<PatientScope, string>;
  visibility: Record<Visibility, string>;
  freshness: Record<Freshness, string>;
  declaredOn: (date: string) => string;
  notDeclared: string;
  inactive: string;
  yes: string;
  no: string;
  none: string;
  choose: (name: string) => string;
  unknownCommune: string;
}

const fr: BoardStrings = {
  title: 'Disponibilités des professionnels',
  signInTitle: 'Connexion coordinateur',
  signInIntro: 'Le tableau montre tous les professionnels du territoire, y compris ceux visibles seulement par le réseau de la CPTS.',
  token: 'Jeton de coordinateur',
  tokenHint: 'Conservé uniquement dans la mémoire de cet onglet.',
  signIn: 'Se connecter',
  checking: 'Vérification du jeton…',
  signInError: 'Ce jeton n’est pas reconnu, ou il a expiré. Vérifiez-le, ou demandez-en un nouveau.',
  signOut: 'Se déconnecter',
  signedOut: 'Vous êtes déconnecté.',
  errorPrefix: 'Erreur :',
  loading: 'Chargement des disponibilités…',
  loadError: 'Impossible de charger les disponibilités.',
  refresh: 'Actualiser',
  filtersLegend: 'Filtrer les professionnels',
  search: 'Rechercher',
  searchHint: 'Nom, commune ou note ; les accents et majuscules sont ignorés.',
  profession: 'Profession',
  anyProfession: 'Toutes les professions',
  commune: 'Commune',
  anyCommune: 'Toutes les communes',
  accepting: 'Nouveaux patients',
  anyAccepting: 'Indifférent',
  acceptingFilter: {yes: 'Oui', limited: 'En nombre limité', no: 'Non'},
  freshnessFilter: 'Fraîcheur',
  anyFreshness: 'Toutes',
  homeVisits: 'Fait des visites à domicile',
  snp: 'A des créneaux SNP cette semaine',
  msu: 'Maître de stage (MSU)',
  sort: 'Trier par',
  sorts: {name: 'Nom', commune: 'Commune', freshness: 'Fraîcheur (à actualiser d’abord)', declared: 'Dernière déclaration (récente d’abord)'},
  reset: 'Effacer les filtres',
  counts: (shown, total) => `${shown} ${shown < 2 ? 'praticien' : 'praticiens'} sur ${total}`,
  acceptingCount: (n) => `${n} ${n < 2 ? 'accepte' : 'acceptent'} de nouveaux patients`,
  staleCount: (n) => `${n} ${n < 2 ? 'déclaration' : 'déclarations'} à actualiser`,
  empty: 'Aucun professionnel n’est encore enregistré sur ce territoire.',
  emptyFiltered: 'Aucun professionnel ne correspond à ces filtres.',
  view: 'Affichage',
  showList: 'Tableau',
  showMap: 'Carte',
  mapLabel: 'Carte des professionnels filtrés',
  mapLoading: 'Chargement de la carte…',
  noTiles: 'Fond de carte désactivé : les communes sont indiquées par leur nom.',
  zoomIn: 'Zoomer',
  zoomOut: 'Dézoomer',
  cluster: (n) => `${n} professionnels ici : zoomer`,
  close: 'Fermer',
  exportCsv: 'Exporter en CSV',
  exported: (n) => `Export de ${n} ${n < 2 ? 'ligne' : 'lignes'} prêt.`,
  caption: 'Disponibilités déclarées par les professionnels',
  staleRule: (days) => `Une déclaration est « à actualiser » après ${days} jours.`,
  tableRegion: 'Tableau des disponibilités (défilement horizontal)',
  columns: {
    name: 'Nom',
    profession: 'Profession',
    commune: 'Commune',
    accepting: 'Nouveaux patients',
    quota: 'Quota mensuel',
    scope: 'Patients acceptés',
    homeVisits: 'Visites à domicile',
    snp: 'Créneaux SNP cette semaine',
    teleconsultation: 'Téléconsultation',
    msu: 'MSU',
    visibility: 'Visibilité',
    freshness: 'Fraîcheur',
    declaredAt: 'Déclarée le',
    note: 'Note pour la coordination',
  },
  acceptingShort: {yes: 'Oui', limited: 'Limité', no: 'Non'},
  quota: (n) => `${n} par mois`,
  noQuota: 'sans quota',
  scopes: {
    all: 'Tous',
    priority_only: 'Critères prioritaires',
    children: 'Enfants',
    elderly: 'Personnes âgées',
    chosen_communes: 'Communes choisies',
  },
  visibility: {public: 'Publique', network: 'Réseau seulement'},
  freshness: {fresh: 'À jour', stale: 'À actualiser', never: 'Jamais déclarée'},
  declaredOn: (date) => `le ${date}`,
  notDeclared: 'Pas de déclaration',
  inactive: 'Inactif',
  yes: 'Oui',
  no: 'Non',
  none: '—',
  choose: (name) => `Choisir ${name}`,
  unknownCommune: 'Commune inconnue',
};

const en: BoardStrings = {
  title: 'Practitioners’ availability',
  signInTitle: 'Coordinator sign-in',
  signInIntro: 'The board shows every practitioner of the territory, including those visible to the CPTS network only.',
  token: 'Coordinator token',
  tokenHint: 'Kept in this tab’s memory only.',
  signIn: 'Sign in',
  checking: 'Checking the token…',
  signInError: 'This token is not recognised, or it has expired. Check it, or ask for a new one.',
  signOut: 'Sign out',
  signedOut: 'You are signed out.',
  errorPrefix: 'Error:',
  loading: 'Loading availability…',
  loadError: 'Could not load the availability.',
  refresh: 'Refresh',
  filtersLegend: 'Filter practitioners',
  search: 'Search',
  searchHint: 'Name, commune or note; accents and case are ignored.',
  profession: 'Profession',
  anyProfession: 'All professions',
  commune: 'Commune',
  anyCommune: 'All communes',
  accepting: 'New patients',
  anyAccepting: 'Any',
  acceptingFilter: {yes: 'Yes', limited: 'A limited number', no: 'No'},
  freshnessFilter: 'Freshness',
  anyFreshness: 'Any',
  homeVisits: 'Does home visits',
  snp: 'Has unscheduled-care (SNP) slots this week',
  msu: 'Hosts interns (MSU)',
  sort: 'Sort by',
  sorts: {name: 'Name', commune: 'Commune', freshness: 'Freshness (needs updating first)', declared: 'Last declaration (newest first)'},
  reset: 'Clear filters',
  counts: (shown, total) => `${shown} ${shown === 1 ? 'practitioner' : 'practitioners'} of ${total}`,
  acceptingCount: (n) => `${n} ${n === 1 ? 'takes' : 'take'} new patients`,
  staleCount: (n) => `${n} ${n === 1 ? 'declaration needs' : 'declarations need'} updating`,
  empty: 'No practitioner is registered on this territory yet.',
  emptyFiltered: 'No practitioner matches these filters.',
  view: 'View',
  showList: 'Table',
  showMap: 'Map',
  mapLabel: 'Map of the filtered practitioners',
  mapLoading: 'Loading the map…',
  noTiles: 'Map tiles are off: communes are shown by name.',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  cluster: (n) => `${n} practitioners here: zoom in`,
  close: 'Close',
  exportCsv: 'Export as CSV',
  exported: (n) => `Export of ${n} ${n === 1 ? 'row' : 'rows'} ready.`,
  caption: 'Availability declared by practitioners',
  staleRule: (days) => `A declaration “needs updating” after ${days} days.`,
  tableRegion: 'Availability table (scrolls sideways)',
  columns: {
    name: 'Name',
    profession: 'Profession',
    commune: 'Commune',
    accepting: 'New patients',
    quota: 'Monthly quota',
    scope: 'Patients taken',
    homeVisits: 'Home visits',
    snp: 'SNP slots this week',
    teleconsultation: 'Teleconsultation',
    msu: 'MSU',
    visibility: 'Visibility',
    freshness: 'Freshness',
    declaredAt: 'Declared on',
    note: 'Note for the coordination',
  },
  acceptingShort: {yes: 'Yes', limited: 'Limited', no: 'No'},
  quota: (n) => `${n} a month`,
  noQuota: 'no quota',
  scopes: {
    all: 'Everyone',
    priority_only: 'Priority criteria',
    children: 'Children',
    elderly: 'Elderly people',
    chosen_communes: 'Chosen communes',
  },
  visibility: {public: 'Public', network: 'Network only'},
  freshness: {fresh: 'Up to date', stale: 'Needs updating', never: 'Never declared'},
  declaredOn: (date) => `on ${date}`,
  notDeclared: 'No declaration',
  inactive: 'Inactive',
  yes: 'Yes',
  no: 'No',
  none: '—',
  choose: (name) => `Choose ${name}`,
  unknownCommune: 'Unknown commune',
};

export const boardStrings: Record<LanguageCode, BoardStrings> = {fr, en};
