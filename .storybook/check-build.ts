/**
 * Opens the built Storybook (storybook-static/) in Chromium and checks that the stories really
 * render the widgets: a green `storybook build` alone proves nothing about decorators, custom
 * element registration or the mock client. Screenshots go to $SCREENSHOT_DIR (default /tmp).
 *
 *   npm run build-storybook && node --import tsx .storybook/check-build.ts
 */
import assert from 'node:assert/strict';
import {createReadStream} from 'node:fs';
import {stat} from 'node:fs/promises';
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {extname, join, normalize, resolve} from 'node:path';
import {chromium, type Browser, type Page} from 'playwright-core';
import {chromiumArgs, chromiumPath} from '../chromium.mjs';

const staticDir = resolve(process.env.STORYBOOK_STATIC ?? resolve(import.meta.dirname, '../storybook-static'));
const screenshotDir = process.env.SCREENSHOT_DIR ?? '/tmp';
/** Each checked widget: its tag, whose stories are `widgets-<tag>--<story>`. */
const contactTag = 'cpts-territory-contact';
const intakeTag = 'cpts-intake-form';
const boardTag = 'cpts-availability-board';
const managerTag = 'cpts-practitioner-manager';
const waitingTag = 'cpts-waiting-list';
const cartodispoTag = 'cpts-cartodispo';
const statusTag = 'cpts-request-status';
const statsTag = 'cpts-stats';
const impactTag = 'cpts-impact';
const prefixOf = (tag: string) => `widgets-${tag}--`;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

async function serveFile(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  const file = join(root, normalize(pathname.endsWith('/') ? `${pathname}index.html` : pathname));
  const found = file.startsWith(root) ? await stat(file).catch(() => undefined) : undefined;
  if (!found?.isFile()) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, {'content-type': contentTypes[extname(file)] ?? 'application/octet-stream'});
  createReadStream(file).pipe(response);
}

function serveStatic(root: string): Promise<Server> {
  // a bad URL (decodeURIComponent throws on a lone %) answers 400 rather than crash the check
  const server = createServer((request, response) => void serveFile(root, request, response).catch(() => response.writeHead(400).end()));
  return new Promise((resolveServer) => server.listen(0, '127.0.0.1', () => resolveServer(server)));
}

interface StoryCheck {
  /** The widget whose story this is; `cpts-territory-contact` when unset. */
  tag?: string;
  story: string;
  globals?: string;
  /** Every string must appear in the widget's shadow root. */
  shows: string[];
  /** None may appear, even after a second: a loading story must stay loading. */
  hides?: string[];
  /** Extra assertion on the page. */
  also?: (page: Page) => Promise<void>;
  /** Console errors the story means to cause (the API failure it simulates). */
  expectedErrors?: RegExp;
}

const demoName = "CPTS de l'Audomarois (démo)";

const checks: StoryCheck[] = [
  {
    story: 'loaded',
    shows: [demoName, 'Téléphone', '03 21 00 00 00', 'contact@cpts-audomarois.example'],
    // only works if decorators were compiled as Lit expects: a class field shadowing the
    // reactive accessor would leave the element deaf to property changes
    also: async (page) => {
      await page.evaluate(() => document.querySelector('cpts-territory-contact')?.setAttribute('lang', 'en'));
      await page.waitForFunction(() => document.querySelector('cpts-territory-contact')?.shadowRoot?.textContent?.includes('Phone'), null, {timeout: 5_000});
      await page.evaluate(() => document.querySelector('cpts-territory-contact')?.setAttribute('lang', 'fr'));
    },
  },
  {
    story: 'loaded',
    globals: 'lang:en;theme:civic',
    shows: [demoName, 'Phone', 'Email'],
    also: async (page) => {
      const element = page.locator('cpts-territory-contact');
      assert.equal(await element.getAttribute('lang'), 'en');
      assert.equal(await element.getAttribute('theme'), 'civic');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    },
  },
  {story: 'loading', shows: ['Chargement des coordonnées…'], hides: [demoName]},
  {story: 'server-down', shows: ['Le service a répondu par une erreur (503)'], hides: [demoName]},
  {story: 'server-down', globals: 'lang:en', shows: ['The service answered with an error (503)']},
  {story: 'unknown-territory', shows: ['(404)']},
  {story: 'offline', shows: ['Le service est injoignable']},
  {story: 'long-name', shows: ['Communauté Professionnelle Territoriale de Santé du Pays de Saint-Omer']},
  {
    story: 'name-with-markup',
    shows: ['<img src=x onerror="alert(1)"> CPTS <b>test</b>'],
    also: async (page) => {
      const injected = await page.evaluate(() => document.querySelector('cpts-territory-contact')?.shadowRoot?.querySelectorAll('img, b').length);
      assert.equal(injected, 0, 'markup from the API was rendered as HTML');
    },
  },
  {story: 'in-provider', globals: 'theme:civic', shows: [demoName, '03 21 00 00 00']},
  {story: 'all-languages-and-themes', shows: [demoName]},
  {tag: statusTag, story: 'empty', shows: ['Où en est ma demande ?', 'Référence de la demande', 'Vous pouvez aussi appeler la CPTS au 03 21 00 00 00']},
  {tag: statusTag, story: 'received', shows: ['Demande DEMO-2026-000123', 'Reçue le 3 mars 2026. La CPTS vous appellera', 'Appeler la CPTS au 03 21 00 00 00']},
  {tag: statusTag, story: 'in-progress', shows: ['En cours', 'La CPTS s’en occupe depuis le 10 mars 2026']},
  {tag: statusTag, story: 'oriented', shows: ['Orientée vers un médecin le 24 mars 2026']},
  {tag: statusTag, story: 'resolved', shows: ['Solution trouvée le 15 avril 2026']},
  {tag: statusTag, story: 'closed', shows: ['Clôturée le 2 avril 2026', 'La CPTS n’a pas réussi à vous joindre']},
  {tag: statusTag, story: 'not-found', shows: ['Nous ne trouvons pas de demande avec ces informations.'], hides: ['Reçue le']},
  {tag: statusTag, story: 'too-many-tries', shows: ['Trop d’essais, réessayez dans 10 minutes.'], expectedErrors: /status of 429/},
  {
    tag: statusTag,
    story: 'with-errors',
    shows: ['Il y a un problème', 'La référence s’écrit comme sur le récépissé', 'La date de naissance doit être une vraie date'],
    also: async (page) => {
      const focused = await page.evaluate(() => document.querySelector('cpts-request-status')?.shadowRoot?.activeElement?.getAttribute('part'));
      assert.equal(focused, 'error-summary', 'the error summary takes focus');
    },
  },
  {tag: statusTag, story: 'offline', shows: ['Le service est injoignable']},
  {tag: statusTag, story: 'english', shows: ['Where does my request stand?', 'Referred to a doctor on 24 March 2026']},
  {tag: intakeTag, story: 'empty', shows: ['Qui remplit ce formulaire ?', 'Appelez la CPTS au 03 21 00 00 00', 'Envoyer ma demande']},
  {tag: intakeTag, story: 'empty', globals: 'lang:en;theme:civic', shows: ['Who is filling in this form?', 'Send my request']},
  {
    tag: intakeTag,
    story: 'with-errors',
    shows: ['Il y a un problème', 'La date de naissance doit être une vraie date', 'Cette commune n’est pas couverte par la CPTS'],
    also: async (page) => {
      const focused = await page.evaluate(() => document.querySelector('cpts-intake-form')?.shadowRoot?.activeElement?.getAttribute('part'));
      assert.equal(focused, 'error-summary', 'the error summary takes focus');
    },
  },
  {tag: intakeTag, story: 'with-errors', globals: 'lang:en', shows: ['There is a problem', 'Enter the last name']},
  {tag: intakeTag, story: 'server-field-error', shows: ['Il y a un problème', 'Indiquez un numéro de téléphone français'], expectedErrors: /status of 422/},
  {tag: intakeTag, story: 'submitting', shows: ['Envoi en cours…'], hides: ['DEMO-2026-000123']},
  {
    tag: intakeTag,
    story: 'network-failure-with-retry',
    shows: ['Votre demande n’a pas pu être envoyée', 'Réessayer', 'Le service est injoignable'],
    expectedErrors: /Failed to fetch/,
  },
  {tag: intakeTag, story: 'rate-limited', shows: ['Réessayez dans 30 secondes'], expectedErrors: /status of 429/},
  {tag: intakeTag, story: 'submitted', shows: ['Votre demande est enregistrée', 'DEMO-2026-000123', 'Wizernes', 'Imprimer le récapitulatif']},
  {tag: intakeTag, story: 'submitted', globals: 'lang:en;theme:civic', shows: ['Your request is registered', 'DEMO-2026-000123', 'Print a summary']},
  {tag: intakeTag, story: 'helper-filling-for-someone-else', shows: ['Vous, qui remplissez ce formulaire', 'La personne qui cherche un médecin', 'Priorité : 70 ans ou plus']},
  {tag: intakeTag, story: 'in-provider', globals: 'theme:civic', shows: ['Qui remplit ce formulaire ?', '03 21 00 00 00']},
  {
    tag: intakeTag,
    story: 'paper-version',
    shows: ['Version papier à imprimer'],
    also: nestedShows('cpts-intake-paper', ['Formulaire papier : je cherche un médecin traitant', 'Imprimer'], intakeTag),
  },
  {tag: boardTag, story: 'sign-in', shows: ['Connexion coordinateur', 'Jeton de coordinateur']},
  {tag: boardTag, story: 'wrong-token', shows: ['Ce jeton n’est pas celui d’un coordinateur'], expectedErrors: /status of 401/},
  {tag: boardTag, story: 'loading', shows: ['Chargement des disponibilités…'], hides: ['Dr Hélène Vanhoutte']},
  {
    tag: boardTag,
    story: 'list',
    shows: ['13 praticiens sur 13', 'Dr Hélène Vanhoutte', 'Colonnes affichées : 8 sur 12', 'Jamais déclarée', 'À actualiser', 'Préfère être appelé le matin'],
  },
  {tag: boardTag, story: 'filters-active', shows: ['Effacer les filtres', 'sur 13'], hides: ['Sophie Lambert']},
  {tag: boardTag, story: 'columns-menu', shows: ['Réseau seulement', 'Colonnes par défaut']},
  {tag: boardTag, story: 'empty', shows: ['Aucun professionnel n’est encore enregistré sur ce territoire.']},
  {tag: boardTag, story: 'server-error', shows: ['Impossible de charger les disponibilités.', '(503)', 'Réessayer']},
  {
    tag: boardTag,
    story: 'map-view',
    shows: ['Fond de carte désactivé'],
    also: async (page) => {
      await page.locator('cpts-availability-board .leaflet-marker-icon.pin, cpts-availability-board .leaflet-marker-icon.cluster').first().waitFor({timeout: 10_000});
    },
  },
  {
    tag: boardTag,
    story: 'civic',
    shows: ['Dr Hélène Vanhoutte'],
    also: async (page) => assert.equal(await page.locator('cpts-availability-board').getAttribute('theme'), 'civic'),
  },
  {tag: boardTag, story: 'english', shows: ['Practitioners’ availability', 'Columns shown: 8 of 12', 'Never declared']},
  {tag: managerTag, story: 'sign-in', shows: ['Connexion coordinateur', 'Jeton de coordinateur'], hides: ['Praticiens du territoire']},
  {tag: managerTag, story: 'sign-in', globals: 'lang:en;theme:civic', shows: ['Coordinator sign-in', 'Coordinator token']},
  {tag: managerTag, story: 'list', shows: ['Praticiens du territoire', 'Dr Claire Lefebvre', 'Désactivé', '12 praticiens']},
  {
    tag: managerTag,
    story: 'editor-with-errors',
    shows: ['Praticiens du territoire'],
    also: nestedShows('cpts-practitioner-editor', ['Il y a un problème', 'Choisissez une profession', '11 chiffres']),
  },
  {
    tag: managerTag,
    story: 'server-field-error',
    shows: ['Praticiens du territoire'],
    also: nestedShows('cpts-practitioner-editor', ['Il y a un problème', 'Cette commune n’appartient pas au territoire']),
    expectedErrors: /status of 422/,
  },
  {
    tag: managerTag,
    story: 'link-issued',
    shows: ['Lien personnel de Dr Claire Lefebvre', 'n’est affiché qu’une seule fois', 'Copier le lien'],
    also: async (page) => {
      const url = await page.evaluate(() => document.querySelector('cpts-practitioner-manager')?.shadowRoot?.querySelector<HTMLInputElement>('#pm-link-url')?.value);
      assert.equal(url, 'https://cpts-audomarois.example/disponibilites/#token=pl_demo_7Hc2kQ9xVbN4mR8sLw3TzY6aE1uFgJ0d');
    },
  },
  {
    tag: managerTag,
    story: 'import-preview',
    shows: ['Praticiens du territoire'],
    also: nestedShows('cpts-practitioner-import', ['1 praticien sera créé', 'Paul Martin', 'Importer 2 lignes']),
  },
  {
    tag: managerTag,
    story: 'import-errors',
    shows: ['Praticiens du territoire'],
    also: nestedShows('cpts-practitioner-import', ['3 erreurs dans le fichier', 'commune_insee', 'numéro RPPS invalide']),
    expectedErrors: /status of 422/,
  },
  {tag: managerTag, story: 'english-civic', shows: ['Practitioners of the territory', 'Deactivated', 'Issue a personal link']},
  {tag: waitingTag, story: 'list', shows: ['Liste d’attente', 'Toutes (12)', 'DUPONT', 'Affection de longue durée (ALD)']},
  {tag: waitingTag, story: 'empty', shows: ['Aucune demande dans la liste d’attente'], hides: ['DUPONT']},
  {tag: waitingTag, story: 'many', shows: ['Toutes (10', '50 demandes affichées', 'Afficher plus']},
  {
    tag: waitingTag,
    story: 'one-opened',
    shows: ['Demande DEMO-2026-', 'Qui rappeler', 'Historique'],
    also: nestedShows('cpts-intake-actions', ['Noter un appel', 'Changer le statut'], waitingTag),
  },
  {
    tag: waitingTag,
    story: 'changed-meanwhile',
    shows: ['Demande DEMO-2026-'],
    also: nestedShows('cpts-intake-actions', ['Quelqu’un a modifié cette demande', 'Recharger'], waitingTag),
    expectedErrors: /status of 412/,
  },
  {
    tag: waitingTag,
    story: 'close-without-reason',
    shows: ['Demande DEMO-2026-'],
    also: nestedShows('cpts-intake-actions', ['Il y a un problème', 'Choisissez le motif de clôture'], waitingTag),
  },
  {
    tag: waitingTag,
    story: 'propose-at-quota',
    shows: ['Demande DEMO-2026-'],
    also: nestedShows('cpts-intake-matches', ['Praticiens possibles', 'À appeler avant de proposer', 'a atteint son quota de ce mois'], waitingTag),
    expectedErrors: /status of 409/,
  },
  {
    tag: waitingTag,
    story: 'register-with-errors',
    shows: ['Liste d’attente'],
    also: nestedShows('cpts-assisted-intake', ['Il y a un problème', 'Indiquez le nom de famille'], waitingTag),
  },
  {
    tag: waitingTag,
    story: 'import-errors',
    shows: ['Liste d’attente'],
    also: nestedShows('cpts-waiting-list-import', ['2 erreurs', 'Lille'], waitingTag),
    expectedErrors: /status of 422/,
  },
  {
    tag: waitingTag,
    story: 'practitioner-offers',
    shows: ['Liste d’attente'],
    also: nestedShows('cpts-practitioner-offers', ['2 offres de praticien à confirmer', 'Ouvrir la demande DEMO-2026-', 'Dr Paul Martin'], waitingTag),
  },
  {
    tag: waitingTag,
    story: 'practitioner-offers',
    globals: 'lang:en;theme:civic',
    shows: ['Waiting list'],
    also: nestedShows('cpts-practitioner-offers', ['2 offers from practitioners to confirm', 'Open request DEMO-2026-'], waitingTag),
  },
  {
    tag: waitingTag,
    story: 'offer-to-confirm',
    shows: ['Demande DEMO-2026-'],
    also: nestedShows('cpts-intake-matches', ['offre du praticien, à confirmer', 'Je la connais', 'Confirmer', 'Refuser'], waitingTag),
  },
  {
    tag: waitingTag,
    story: 'offer-to-confirm',
    globals: 'lang:en',
    shows: ['Request DEMO-2026-'],
    also: nestedShows('cpts-intake-matches', ['offered by the practitioner, to confirm', 'Confirm', 'Decline'], waitingTag),
  },
  {tag: waitingTag, story: 'sign-in', shows: ['Connexion coordinateur', 'Jeton de coordinateur'], hides: ['Liste d’attente']},
  {tag: waitingTag, story: 'english-civic', shows: ['Waiting list', 'All (12)', 'Register a person']},
  {tag: cartodispoTag, story: 'first-time', shows: ['Lien personnel de Dr Claire Lefebvre', 'Aucune déclaration pour l’instant', 'Envoyer ma déclaration']},
  {tag: cartodispoTag, story: 'first-time', globals: 'lang:en;theme:civic', shows: ['Personal link of Dr Claire Lefebvre', 'My availability']},
  {tag: cartodispoTag, story: 'existing', shows: ['Lien personnel de Dr Claire Lefebvre', 'À jour', 'Rien n’a changé']},
  {tag: cartodispoTag, story: 'stale', shows: ['À actualiser']},
  {tag: cartodispoTag, story: 'saving', shows: ['Envoi…'], hides: ['Déclaration confirmée']},
  {tag: cartodispoTag, story: 'saved', shows: ['Déclaration confirmée le']},
  {tag: cartodispoTag, story: 'revoked-link', shows: ['Ce lien n’est plus valide'], hides: ['Envoyer ma déclaration'], expectedErrors: /status of 401/},
  {
    tag: cartodispoTag,
    story: 'proposals',
    shows: ['Patients proposés par la CPTS', 'Places restantes ce mois-ci : 3 sur 4', '70 ans et plus · Saint-Omer', 'Accepter', 'Refuser', 'Coordonnées : Paul Leroy'],
    // no name before accepting: the pending proposals show none
    hides: ['Dupont'],
  },
  {tag: cartodispoTag, story: 'proposals', globals: 'lang:en;theme:civic', shows: ['Patients proposed by the CPTS', 'Places left this month: 3 of 4', 'Accept', 'Decline']},
  {tag: cartodispoTag, story: 'waiting-people-nearby', shows: ['Personnes en attente près de chez vous', 'Je peux le/la prendre', 'Blendecques']},
  {tag: cartodispoTag, story: 'waiting-people-nearby', globals: 'lang:en', shows: ['People waiting near you', 'I can take them']},
  {
    tag: cartodispoTag,
    story: 'proposal-accepted',
    shows: ['Vous avez accepté. Voici ses coordonnées.', 'Marie Dupont', 'Première consultation faite', 'Places restantes ce mois-ci : 2 sur 4'],
  },
  {tag: cartodispoTag, story: 'proposal-accepted', globals: 'lang:en', shows: ['Places left this month: 2 of 4']},
  {tag: cartodispoTag, story: 'proposal-decline', shows: ['Raison (facultatif)', 'Plus de place', 'Confirmer le refus']},
  {tag: cartodispoTag, story: 'proposal-decline', globals: 'lang:en;theme:civic', shows: ['Reason (optional)', 'Confirm declining']},
  {tag: cartodispoTag, story: 'proposal-already-taken', shows: ['Une autre praticienne ou un autre praticien a accepté avant vous'], expectedErrors: /status of 409/},
  {tag: cartodispoTag, story: 'proposal-already-taken', globals: 'lang:en', shows: ['Another practitioner accepted before you'], expectedErrors: /status of 409/},
  {tag: cartodispoTag, story: 'all-languages-and-themes', shows: ['Lien personnel de Dr Claire Lefebvre', 'Personal link of Dr Claire Lefebvre']},
  {tag: statsTag, story: 'figures', shows: ['Statistiques', 'Chiffres clés', 'Personnes inscrites', 'Inscriptions et solutions trouvées, mois par mois', 'Saint-Omer']},
  {tag: statsTag, story: 'empty', shows: ['Pas encore de données pour cette période'], hides: ['Chiffres clés']},
  {tag: statsTag, story: 'period-refused', shows: ['La fin de la période ne peut pas être dans le futur'], expectedErrors: /status of 400/},
  {tag: statsTag, story: 'sign-in', shows: ['Connexion coordinateur', 'Jeton de coordinateur'], hides: ['Chiffres clés']},
  {tag: statsTag, story: 'english-civic', shows: ['Statistics', 'Key figures', 'People registered']},
  {tag: impactTag, story: 'summary', shows: ['412 personnes se sont inscrites', '198 ont trouvé un médecin traitant']},
  {tag: impactTag, story: 'small-counts', shows: ['moins de 11 ont trouvé un médecin traitant'], hides: ['masqué']},
  {tag: impactTag, story: 'english', shows: ['412 people have registered with the CPTS']},
];

/** Waits until the shadow root of `inner` (inside `host`'s shadow root, the manager's by default) shows every string. */
function nestedShows(inner: string, expected: string[], host = managerTag): (page: Page) => Promise<void> {
  return async (page) => {
    await page.waitForFunction(
      ({inner, expected, host}) => {
        const text = document.querySelector(host)?.shadowRoot?.querySelector(inner)?.shadowRoot?.textContent ?? '';
        return expected.every((part) => text.includes(part));
      },
      {inner, expected, host},
      {timeout: 10_000},
    );
  };
}

/** The text of every `tag` element's shadow root on the page. */
function widgetText(page: Page, tag: string): Promise<string> {
  return page.evaluate((selector) => [...document.querySelectorAll(selector)].map((element) => element.shadowRoot?.textContent ?? '').join('\n'), tag);
}

async function runCheck(browser: Browser, baseUrl: string, check: StoryCheck): Promise<void> {
  const page = await browser.newPage({viewport: {width: 900, height: 700}});
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`a dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const tag = check.tag ?? contactTag;
  const query = `id=${prefixOf(tag)}${check.story}&viewMode=story${check.globals ? `&globals=${check.globals}` : ''}`;
  try {
    await page.goto(`${baseUrl}/iframe.html?${query}`);
    await page.waitForFunction(
      ({selector, expected}) => {
        const text = [...document.querySelectorAll(selector)].map((element) => element.shadowRoot?.textContent ?? '').join('\n');
        return expected.every((part) => text.includes(part));
      },
      {selector: tag, expected: check.shows},
      {timeout: 10_000},
    );
    if (check.hides) {
      await page.waitForTimeout(1_000);
      const text = await widgetText(page, tag);
      for (const hidden of check.hides) assert.ok(!text.includes(hidden), `"${hidden}" should not show`);
    }
    await check.also?.(page);
    // a story is expected to log the API failure it simulates; anything else is a bug
    const unexpected = problems.filter((problem) => !/status of (404|503)|Failed to fetch|cpts-error/i.test(problem) && !check.expectedErrors?.test(problem));
    assert.deepEqual(unexpected, []);
    const shot = join(screenshotDir, `storybook-${tag}-${check.story}${check.globals ? `-${check.globals.replace(/[:;]/g, '-')}` : ''}.png`);
    await page.screenshot({path: shot, fullPage: true});
    console.log(`ok   ${query}  → ${shot}`);
  } catch (error) {
    const text = await widgetText(page, tag).catch(() => '(no text)');
    throw new Error(`${query}: ${(error as Error).message}\nwidget text: ${text}\n${problems.join('\n')}`, {cause: error});
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  await stat(join(staticDir, 'iframe.html')).catch(() => {
    throw new Error(`${staticDir}/iframe.html is missing: run npm run build-storybook first`);
  });
  const server = await serveStatic(staticDir);
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
  try {
    const index = (await (await fetch(`${baseUrl}/index.json`)).json()) as {entries: Record<string, unknown>};
    for (const tag of [contactTag, intakeTag, managerTag, waitingTag, cartodispoTag, statusTag]) {
      const built = Object.keys(index.entries).filter((id) => id.startsWith(prefixOf(tag)));
      const checked = new Set(checks.filter((check) => (check.tag ?? contactTag) === tag).map((check) => `${prefixOf(tag)}${check.story}`));
      assert.ok(built.length > 0, `stories of <${tag}> were built`);
      assert.deepEqual(
        built.filter((id) => !checked.has(id)),
        [],
        `every built story of <${tag}> should be checked`,
      );
    }
    for (const check of checks) await runCheck(browser, baseUrl, check);
  } finally {
    await browser.close();
    await new Promise((done) => server.close(done));
  }
}

await main();
