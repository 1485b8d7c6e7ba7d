import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {emulateMedia, sendKeys} from '@web/test-runner-commands';
import type {Territory} from '@cpts-kit/contract';
import {createClient, type CptsClient} from '@cpts-kit/sdk';
import '../../packages/widgets/src/define.js';
import {CptsSubmittedEvent, type CptsIntakeForm} from '../../packages/widgets/src/index.js';
import {fr as intakeFr} from '../../packages/widgets/src/intake-form/intake-strings.fr.js';
import {demoTerritory, until} from './fake-server.js';

type IntakeAnswer = {status: number; body: unknown; headers?: Record<string, string>} | 'network-error';

interface RecordedPost {
  key: string | null;
  body: Record<string, unknown>;
}

const created = {id: '0b5d7f3e-1c1a-4d4e-9a39-2f0f4b7b2a10', reference: 'DEMO-2026-000123', status: 'received'};

/**
 * The API server as the form sees it: the territory, and the intake endpoint, which stores each
 * Idempotency-Key once (as the real one does) and answers from a queue in order.
 */
class IntakeServer {
  readonly posts: RecordedPost[] = [];
  readonly stored = new Map<string, string>();
  private readonly answers: IntakeAnswer[];
  private gate: Promise<void> | undefined;
  private openGate: (() => void) | undefined;
  private territoryGate: Promise<void> | undefined;
  private openTerritoryGate: (() => void) | undefined;

  constructor(
    answers: IntakeAnswer[] = [],
    readonly territory: Territory = demoTerritory(),
  ) {
    this.answers = answers;
  }

  hold(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }

  release(): void {
    this.openGate?.();
    this.gate = undefined;
  }

  /** The territory's answer waits for `releaseTerritory()`. */
  holdTerritory(): void {
    this.territoryGate = new Promise((resolve) => (this.openTerritoryGate = resolve));
  }

  releaseTerritory(): void {
    this.openTerritoryGate?.();
    this.territoryGate = undefined;
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    if (request.method === 'GET') {
      if (this.territoryGate) await this.territoryGate;
      return json(200, this.territory);
    }
    const post: RecordedPost = {key: request.headers.get('idempotency-key'), body: (await request.json()) as Record<string, unknown>};
    this.posts.push(post);
    if (this.gate) await this.gate;
    const answer = this.answers.shift() ?? {status: 201, body: created};
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    if (answer.status === 201 && post.key && !this.stored.has(post.key)) this.stored.set(post.key, JSON.stringify(post.body));
    return json(answer.status, answer.body, answer.headers);
  };

  client(retry = 0): CptsClient {
    return createClient({baseUrl: 'http://api.test', territory: 'demo', fetch: this.fetch, retry});
  }
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers},
  });
}

function shadow(el: HTMLElement): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return el.shadowRoot;
}

function text(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The control whose `<label>` reads `label` (the label's own text, before any "(facultatif)"). */
function control<T extends HTMLElement = HTMLInputElement>(el: HTMLElement, label: string, within?: Element): T {
  const scope = within ?? shadow(el);
  const found = [...scope.querySelectorAll('label')].find((l) => text(l) === label || text(l).replace(/\s*\((facultatif|optional)\)$/, '') === label);
  const id = found?.getAttribute('for');
  const target = id ? shadow(el).getElementById(id) : null;
  if (!target) throw new Error(`no control labelled “${label}”`);
  return target as T;
}

/** The group (`<fieldset>`) whose legend reads `legend`. */
function group(el: HTMLElement, legend: string): HTMLFieldSetElement {
  const found = [...shadow(el).querySelectorAll('fieldset')].find((f) => text(f.querySelector(':scope > legend')).replace(/\s*\((facultatif|optional)\)$/, '') === legend);
  if (!found) throw new Error(`no group “${legend}”`);
  return found;
}

function radio(el: HTMLElement, legend: string, label: string): HTMLInputElement {
  return control(el, label, group(el, legend));
}

function fill(input: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
}

function pick(input: HTMLInputElement): void {
  input.click();
}

function submitButton(el: HTMLElement): HTMLButtonElement {
  const button = shadow(el).querySelector<HTMLButtonElement>('[part~="submit"]');
  if (!button) throw new Error('no submit button');
  return button;
}

function summary(el: HTMLElement): HTMLElement | null {
  return shadow(el).querySelector('[part~="error-summary"]');
}

/** The message shown by a control: what its aria-describedby points at, minus hints. */
function errorOf(el: HTMLElement, target: Element): string {
  const ids = (target.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id.endsWith('-error'));
  return ids.map((id) => text(shadow(el).getElementById(id))).join(' ');
}

/**
 * The form with its territory in (the phone line is there) and what sending needs fetched, as they
 * are once a person has typed a few answers: a click then checks the answers in its own task.
 */
async function ready(el: CptsIntakeForm): Promise<CptsIntakeForm> {
  await el.preload();
  await until(() => shadow(el).querySelector('a.phone') !== null || shadow(el).querySelector('[role="alert"]') !== null, 'the form');
  await el.updateComplete;
  return el;
}

async function form(server: IntakeServer, attrs: {lang?: string; theme?: string} = {}): Promise<CptsIntakeForm> {
  return ready(
    await fixture<CptsIntakeForm>(html`<cpts-intake-form lang=${attrs.lang ?? 'fr'} theme=${attrs.theme ?? 'default'} .client=${server.client()}></cpts-intake-form>`),
  );
}

/** A complete, valid answer, filled through the controls. */
async function fillValid(el: CptsIntakeForm, overrides: {lastName?: string} = {}): Promise<void> {
  pick(radio(el, 'Qui remplit ce formulaire ?', 'La personne qui cherche un médecin (moi)'));
  await el.updateComplete;
  fill(control(el, 'Nom de famille'), overrides.lastName ?? 'Dupont');
  fill(control(el, 'Prénoms'), 'Marie Louise');
  fill(control(el, 'Jour'), '12');
  fill(control(el, 'Mois', group(el, 'Date de naissance')), '3');
  fill(control(el, 'Année', group(el, 'Date de naissance')), '1948');
  fill(control(el, 'Téléphone'), '06 12 34 56 78');
  fill(control(el, 'Commune où vit la personne'), 'Saint-Omer (62500)');
  pick(radio(el, 'Pourquoi n’avez-vous pas de médecin traitant ?', 'Le médecin est parti à la retraite'));
  pick(control(el, 'J’accepte que la CPTS utilise ces informations pour m’aider à trouver un médecin traitant.'));
  await el.updateComplete;
}

async function submit(el: CptsIntakeForm): Promise<void> {
  submitButton(el).click();
  await el.updateComplete;
}

async function submitted(el: CptsIntakeForm): Promise<HTMLElement> {
  await until(() => shadow(el).querySelector('[part~="receipt"]') !== null, 'the receipt');
  await el.updateComplete;
  return shadow(el).querySelector('[part~="receipt"]') as HTMLElement;
}

describe('<cpts-intake-form>', () => {
  describe('filling it in', () => {
    it('can be filled in and sent with the keyboard alone', async () => {
      const server = new IntakeServer();
      const el = await form(server);
      const typeInto = async (target: HTMLElement, value: string) => {
        target.focus();
        await sendKeys({type: value});
      };
      radio(el, 'Qui remplit ce formulaire ?', 'La personne qui cherche un médecin (moi)').focus();
      await sendKeys({press: 'Space'});
      await typeInto(control(el, 'Nom de famille'), 'Dupont');
      await sendKeys({press: 'Tab'});
      await sendKeys({type: 'Marie'});
      await sendKeys({press: 'Tab'});
      await sendKeys({type: '12'});
      await sendKeys({press: 'Tab'});
      await sendKeys({type: '3'});
      await sendKeys({press: 'Tab'});
      await sendKeys({type: '1948'});
      await sendKeys({press: 'Tab'});
      await sendKeys({type: '0612345678'});
      await typeInto(control(el, 'Commune où vit la personne'), '62510');
      radio(el, 'Pourquoi n’avez-vous pas de médecin traitant ?', 'Le médecin est parti à la retraite').focus();
      await sendKeys({press: 'Space'});
      radio(el, 'La personne a-t-elle une affection de longue durée (ALD) ?', 'Oui').focus();
      await sendKeys({press: 'Space'});
      control(el, 'J’accepte que la CPTS utilise ces informations pour m’aider à trouver un médecin traitant.').focus();
      await sendKeys({press: 'Space'});
      submitButton(el).focus();
      await sendKeys({press: 'Enter'});
      const receipt = await submitted(el);
      expect(text(receipt)).to.contain('DEMO-2026-000123');
      expect(server.posts).to.have.length(1);
      const body = server.posts[0]?.body as {person: Record<string, unknown>; priority: Record<string, unknown>; requester: unknown};
      expect(body.requester).to.deep.equal({kind: 'self'});
      expect(body.person).to.deep.include({lastName: 'Dupont', firstNames: 'Marie', birthDate: '1948-03-12', phone: '0612345678', communeInsee: '62040'});
      expect(body.priority).to.deep.equal({ald: 'yes', cssAme: 'unknown', pregnancy: 'unknown', disability: 'unknown', homeVisits: 'unknown', chronicFollowUp: 'unknown'});
      expect(body).to.not.have.property('website');
    });

    it('labels every control and skips the hidden honeypot with Tab', async () => {
      const el = await form(new IntakeServer());
      for (const input of shadow(el).querySelectorAll('input, textarea')) {
        const label = shadow(el).querySelector(`label[for="${input.id}"]`);
        expect(text(label), `label of #${input.id}`).to.not.equal('');
      }
      const honeypot = shadow(el).getElementById('website');
      expect(honeypot?.getAttribute('tabindex')).to.equal('-1');
      expect(honeypot?.getAttribute('autocomplete')).to.equal('off');
      expect(honeypot?.closest('[aria-hidden="true"]')).to.not.equal(null);
      control(el, 'Nom de famille').focus();
      await sendKeys({press: 'Tab'});
      expect(shadow(el).activeElement?.id).to.equal('first-names');
    });

    it('gives the browser autocomplete hints and numeric keyboards', async () => {
      const el = await form(new IntakeServer());
      pick(radio(el, 'Qui remplit ce formulaire ?', 'La personne qui cherche un médecin (moi)'));
      await el.updateComplete;
      expect(control(el, 'Nom de famille').autocomplete).to.equal('family-name');
      expect(control(el, 'Prénoms').autocomplete).to.equal('given-name');
      expect(control(el, 'Jour').getAttribute('autocomplete')).to.equal('bday-day');
      expect(control(el, 'Jour').inputMode).to.equal('numeric');
      expect(control(el, 'Téléphone').autocomplete).to.equal('tel');
      expect(control(el, 'Téléphone').inputMode).to.equal('tel');
      expect(control(el, 'Adresse').autocomplete).to.equal('street-address');
    });

    it('shows the age priority computed from the birth date, without asking', async () => {
      const el = await form(new IntakeServer());
      fill(control(el, 'Jour'), '1');
      fill(control(el, 'Mois', group(el, 'Date de naissance')), '1');
      fill(control(el, 'Année', group(el, 'Date de naissance')), '1940');
      await el.updateComplete;
      expect(text(group(el, 'Date de naissance'))).to.contain('Priorité : 70 ans ou plus');
      fill(control(el, 'Année', group(el, 'Date de naissance')), String(new Date().getFullYear() - 2));
      await el.updateComplete;
      expect(text(group(el, 'Date de naissance'))).to.contain('Priorité : moins de 6 ans');
      expect(shadow(el).textContent).to.not.match(/NIR|sécurité sociale/i);
    });

    it('asks for the helper’s name and phone only when someone else fills it in', async () => {
      const el = await form(new IntakeServer());
      expect(() => control(el, 'Votre nom')).to.throw();
      pick(radio(el, 'Qui remplit ce formulaire ?', 'Un pharmacien ou une pharmacienne'));
      await el.updateComplete;
      expect(control(el, 'Votre nom')).to.exist;
      expect(control(el, 'Votre téléphone')).to.exist;
      expect(text(shadow(el))).to.contain('La personne qui cherche un médecin');
    });

    it('counts the comment’s characters, and tells screen readers only at thresholds', async () => {
      const el = await form(new IntakeServer());
      const comment = control<HTMLTextAreaElement>(el, 'Autre chose à nous dire ?');
      const live = shadow(el).querySelector('#comment-count + [aria-live="polite"]');
      fill(comment, 'Bonjour');
      await el.updateComplete;
      expect(text(shadow(el).getElementById('comment-count'))).to.equal('Il vous reste 993 caractères');
      expect(text(live)).to.equal('');
      fill(comment, 'x'.repeat(905));
      await el.updateComplete;
      expect(text(live)).to.equal('Il vous reste 95 caractères');
      fill(comment, 'x'.repeat(906));
      await el.updateComplete;
      expect(text(live), 'not re-announced on the next keystroke').to.equal('Il vous reste 95 caractères');
      fill(comment, 'x'.repeat(1003));
      await el.updateComplete;
      expect(text(live)).to.equal('3 caractères de trop');
    });
  });

  describe('while the territory loads', () => {
    it('takes answers at once, and sends them once the territory has arrived', async () => {
      const server = new IntakeServer();
      server.holdTerritory();
      const el = await fixture<CptsIntakeForm>(html`<cpts-intake-form lang="fr" .client=${server.client()}></cpts-intake-form>`);
      await until(() => shadow(el).querySelector('form') !== null, 'the form');
      // the phone line and the privacy notice say they are loading; the consent box waits for the notice
      expect(text(shadow(el).querySelector('.alternative [role="status"]'))).to.equal(intakeFr.intake.loading);
      expect(control(el, 'J’accepte que la CPTS utilise ces informations pour m’aider à trouver un médecin traitant.').disabled).to.equal(true);
      fill(control(el, 'Nom de famille'), 'Dupont');
      await el.updateComplete;
      expect(control(el, 'Nom de famille').value).to.equal('Dupont');
      server.releaseTerritory();
      await until(() => shadow(el).querySelector('a.phone') !== null, 'the phone line');
      await fillValid(el);
      server.holdTerritory();
      submitButton(el).click();
      await submitted(el);
      expect(server.posts).to.have.length(1);
      server.releaseTerritory();
    });

    it('waits for the territory when sent before it has arrived', async () => {
      const server = new IntakeServer();
      server.holdTerritory();
      const late = await fixture<CptsIntakeForm>(html`<cpts-intake-form lang="fr" .client=${server.client()}></cpts-intake-form>`);
      await late.preload();
      await until(() => shadow(late).querySelector('form') !== null, 'the form');
      submitButton(late).click();
      await late.updateComplete;
      expect(summary(late)).to.equal(null);
      expect(server.posts).to.have.length(0);
      // the click is seen: the button waits and the status says the form is being sent
      expect(submitButton(late).disabled).to.equal(true);
      expect(text(shadow(late).querySelector('form > .status'))).to.equal(intakeFr.intake.sending);
      server.releaseTerritory();
      await until(() => summary(late) !== null, 'the error summary');
      expect(submitButton(late).disabled).to.equal(false);
      expect(server.posts).to.have.length(0);
    });
  });

  describe('checking the answers', () => {
    it('lists every missing answer in a summary that takes focus, each by its field', async () => {
      const server = new IntakeServer();
      const el = await form(server);
      await submit(el);
      const box = summary(el);
      expect(box).to.not.equal(null);
      expect(shadow(el).activeElement === box, 'the summary has focus').to.equal(true);
      expect(text(box)).to.contain('Il y a un problème');
      const messages = [...(box?.querySelectorAll('a') ?? [])].map((a) => text(a));
      expect(messages).to.deep.equal([
        'Indiquez qui remplit ce formulaire',
        'Indiquez le nom de famille',
        'Indiquez le ou les prénoms',
        'Indiquez la date de naissance',
        'Indiquez un numéro de téléphone, ou à défaut une adresse e-mail',
        'Indiquez la commune où vit la personne',
        'Indiquez pourquoi il n’y a pas de médecin traitant',
        'Cochez la case pour accepter que la CPTS utilise ces informations',
      ]);
      const lastName = control(el, 'Nom de famille');
      expect(lastName.getAttribute('aria-invalid')).to.equal('true');
      expect(errorOf(el, lastName)).to.equal('Erreur : Indiquez le nom de famille');
      expect(errorOf(el, group(el, 'Date de naissance'))).to.equal('Erreur : Indiquez la date de naissance');
      expect(server.posts).to.have.length(0);
    });

    it('focuses each field when its summary link is followed', async () => {
      const el = await form(new IntakeServer());
      await submit(el);
      const links = [...(summary(el)?.querySelectorAll('a') ?? [])];
      for (const link of links) {
        link.click();
        const id = link.getAttribute('href')?.slice(1);
        expect(shadow(el).activeElement?.id, link.textContent ?? '').to.equal(id);
      }
      expect(links.map((a) => a.getAttribute('href'))).to.include('#last-name');
    });

    it('rejects a phone number that is not French and a malformed e-mail', async () => {
      const el = await form(new IntakeServer());
      fill(control(el, 'Téléphone'), '12345');
      fill(control(el, 'Adresse e-mail'), 'marie@');
      await submit(el);
      expect(errorOf(el, control(el, 'Téléphone'))).to.equal('Erreur : Indiquez un numéro de téléphone français, par exemple 06 12 34 56 78');
      expect(errorOf(el, control(el, 'Adresse e-mail'))).to.equal('Erreur : Indiquez une adresse e-mail valide, par exemple nom@exemple.fr');
    });

    it('accepts an e-mail instead of a phone number', async () => {
      const server = new IntakeServer();
      const el = await form(server);
      await fillValid(el);
      fill(control(el, 'Téléphone'), '');
      fill(control(el, 'Adresse e-mail'), 'marie@example.fr');
      await submit(el);
      await submitted(el);
      expect((server.posts[0]?.body.person as Record<string, unknown>).email).to.equal('marie@example.fr');
    });

    it('rejects an impossible date and a date in the future', async () => {
      const el = await form(new IntakeServer());
      await fillValid(el);
      fill(control(el, 'Jour'), '31');
      fill(control(el, 'Mois', group(el, 'Date de naissance')), '2');
      await submit(el);
      expect(errorOf(el, group(el, 'Date de naissance'))).to.equal('Erreur : La date de naissance doit être une vraie date, par exemple 27 3 1950');
      fill(control(el, 'Jour'), '1');
      fill(control(el, 'Année', group(el, 'Date de naissance')), String(new Date().getFullYear() + 1));
      await submit(el);
      expect(errorOf(el, group(el, 'Date de naissance'))).to.equal('Erreur : La date de naissance doit être dans le passé');
      fill(control(el, 'Mois', group(el, 'Depuis quand ?')), '13');
      fill(control(el, 'Année', group(el, 'Depuis quand ?')), '2024');
      await submit(el);
      expect(errorOf(el, group(el, 'Depuis quand ?'))).to.equal('Erreur : Indiquez un mois et une année réels, par exemple 6 2025');
    });

    it('requires the helper’s name and phone when someone else fills it in', async () => {
      const el = await form(new IntakeServer());
      await fillValid(el);
      pick(radio(el, 'Qui remplit ce formulaire ?', 'Un proche ou un aidant'));
      await submit(el);
      expect(errorOf(el, control(el, 'Votre nom'))).to.equal('Erreur : Indiquez votre nom');
      expect(errorOf(el, control(el, 'Votre téléphone'))).to.equal('Erreur : Indiquez votre numéro de téléphone');
    });

    it('asks which reason when “other” is chosen', async () => {
      const el = await form(new IntakeServer());
      await fillValid(el);
      pick(radio(el, 'Pourquoi n’avez-vous pas de médecin traitant ?', 'Autre raison'));
      await el.updateComplete;
      await submit(el);
      expect(errorOf(el, control(el, 'Quelle raison ?'))).to.equal('Erreur : Précisez la raison');
    });

    it('refuses a comment over 1,000 characters and the unticked consent box', async () => {
      const el = await form(new IntakeServer());
      await fillValid(el);
      fill(control<HTMLTextAreaElement>(el, 'Autre chose à nous dire ?'), 'x'.repeat(1001));
      pick(control(el, 'J’accepte que la CPTS utilise ces informations pour m’aider à trouver un médecin traitant.'));
      await submit(el);
      expect(errorOf(el, control(el, 'Autre chose à nous dire ?'))).to.equal('Erreur : Le message doit faire 1 000 caractères au plus');
      expect(errorOf(el, control(el, 'J’accepte que la CPTS utilise ces informations pour m’aider à trouver un médecin traitant.'))).to.equal(
        'Erreur : Cochez la case pour accepter que la CPTS utilise ces informations',
      );
    });

    it('gives the CPTS phone number for a commune outside the territory', async () => {
      const server = new IntakeServer();
      const el = await form(server);
      await fillValid(el);
      const commune = control(el, 'Commune où vit la personne');
      fill(commune, 'Lille');
      await el.updateComplete;
      expect(text(shadow(el).getElementById('commune-outside'))).to.equal(
        'Cette commune n’est pas couverte par la CPTS. Appelez la CPTS au 03 21 00 00 00 : elle vous indiquera vers qui vous tourner.',
      );
      await submit(el);
      expect(errorOf(el, commune)).to.contain('Cette commune n’est pas couverte par la CPTS');
      expect(errorOf(el, commune)).to.contain('03 21 00 00 00');
      expect(server.posts).to.have.length(0);
    });

    it('offers every commune sharing a postal code, and takes the one chosen', async () => {
      const territory = demoTerritory();
      territory.communes.push({insee: '62806', name: 'Tatinghem', postalCodes: ['62500'], centre: null, population: null});
      const server = new IntakeServer([], territory);
      const el = await form(server);
      await fillValid(el);
      fill(control(el, 'Commune où vit la personne'), '62500');
      await el.updateComplete;
      const choices = [...shadow(el).querySelectorAll<HTMLButtonElement>('#commune-choices button')];
      expect(choices.map((b) => text(b))).to.deep.equal(['Choisir Saint-Omer (62500)', 'Choisir Tatinghem (62500)']);
      choices[1]?.click();
      await el.updateComplete;
      expect(control(el, 'Commune où vit la personne').value).to.equal('Tatinghem (62500)');
      await submit(el);
      await submitted(el);
      expect((server.posts[0]?.body.person as Record<string, unknown>).communeInsee).to.equal('62806');
    });
  });

  describe('sending', () => {
    it('shows the server’s field errors by their fields and in the summary', async () => {
      const server = new IntakeServer([
        {
          status: 422,
          body: {
            type: 'https://cpts-kit.fr/problems/validation',
            title: 'Requête invalide',
            status: 422,
            code: 'validation_failed',
            errors: [{path: 'person.phone', code: 'invalid_format', message: 'numéro invalide'}],
          },
        },
      ]);
      const el = await form(server);
      await fillValid(el);
      await submit(el);
      await until(() => summary(el) !== null, 'the summary');
      await el.updateComplete;
      const phone = control(el, 'Téléphone');
      expect(phone.getAttribute('aria-invalid')).to.equal('true');
      expect(errorOf(el, phone)).to.equal('Erreur : Indiquez un numéro de téléphone français, par exemple 06 12 34 56 78');
      expect(text(summary(el))).to.contain('Indiquez un numéro de téléphone français');
      expect(shadow(el).activeElement === summary(el), 'the summary has focus').to.equal(true);
    });

    it('retries a network failure with the same key, so the request is stored once', async () => {
      const server = new IntakeServer(['network-error', {status: 201, body: created}]);
      const el = await ready(await fixture<CptsIntakeForm>(html`<cpts-intake-form .client=${server.client(1)}></cpts-intake-form>`));
      await fillValid(el);
      await submit(el);
      await submitted(el);
      expect(server.posts).to.have.length(2);
      expect(server.posts[0]?.key).to.be.a('string').with.length.above(7);
      expect(server.posts[1]?.key).to.equal(server.posts[0]?.key);
      expect(server.stored.size).to.equal(1);
    });

    it('keeps the answers when retries run out, and the retry button resends them with the same key', async () => {
      const server = new IntakeServer(['network-error', 'network-error']);
      const el = await form(server);
      await fillValid(el);
      await submit(el);
      await until(() => shadow(el).getElementById('failure') !== null, 'the failure message');
      await el.updateComplete;
      const failure = shadow(el).getElementById('failure');
      expect(text(failure)).to.contain('Votre demande n’a pas pu être envoyée');
      expect(text(failure)).to.contain('Le service est injoignable');
      expect(text(failure)).to.contain('03 21 00 00 00');
      expect(shadow(el).activeElement === failure, 'the failure message has focus').to.equal(true);
      expect(control(el, 'Nom de famille').value, 'input is never lost').to.equal('Dupont');
      const retry = [...(failure?.querySelectorAll('button') ?? [])].find((b) => text(b) === 'Réessayer');
      retry?.click();
      await until(() => shadow(el).getElementById('failure') !== null && server.posts.length === 2, 'the second failure');
      retry?.click();
      await submitted(el);
      expect(server.posts).to.have.length(3);
      expect(new Set(server.posts.map((p) => p.key)).size).to.equal(1);
      expect(server.posts[2]?.body).to.deep.equal(server.posts[0]?.body);
      expect(server.stored.size).to.equal(1);
    });

    it('sends once when the button is clicked twice, and says it is sending', async () => {
      const server = new IntakeServer();
      server.hold();
      const el = await form(server);
      await fillValid(el);
      submitButton(el).click();
      submitButton(el).click();
      await el.updateComplete;
      expect(submitButton(el).disabled).to.equal(true);
      expect(text(shadow(el).querySelector('form [role="status"]'))).to.equal('Envoi en cours…');
      server.release();
      await submitted(el);
      expect(server.posts).to.have.length(1);
    });

    it('gives the delay to wait after too many requests', async () => {
      const problem = {type: 'about:blank', title: 'Trop de requêtes', status: 429, code: 'rate_limited'};
      const server = new IntakeServer([{status: 429, body: problem, headers: {'retry-after': '30'}}]);
      const el = await form(server);
      await fillValid(el);
      await submit(el);
      await until(() => shadow(el).getElementById('failure') !== null, 'the failure message');
      expect(text(shadow(el).getElementById('failure'))).to.contain('Réessayez dans 30 secondes');
    });

    it('shows the reference and fires cpts-submitted once stored', async () => {
      const server = new IntakeServer();
      const el = await form(server);
      await fillValid(el);
      const fired = oneEvent(el, 'cpts-submitted');
      await submit(el);
      const event = (await fired) as CptsSubmittedEvent;
      expect(event).to.be.instanceOf(CptsSubmittedEvent);
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.reference).to.equal('DEMO-2026-000123');
      expect(event.detail).to.deep.equal({reference: 'DEMO-2026-000123'});
      const receipt = await submitted(el);
      expect(text(receipt)).to.contain('Votre demande est enregistrée');
      expect(text(receipt)).to.contain('DEMO-2026-000123');
      expect(text(receipt)).to.contain('Saint-Omer');
      expect(receipt.querySelector('a[href="tel:+33321000000"]')).to.not.equal(null);
      expect([...receipt.querySelectorAll('button')].map((b) => text(b))).to.include('Imprimer le récapitulatif');
      expect(text(receipt), 'no health answers on the receipt').to.not.match(/ALD|retraite/);
    });

    it('shows markup typed in the fields as text on the receipt', async () => {
      const payload = '<img src=x onerror=alert(1)>';
      const el = await form(new IntakeServer());
      await fillValid(el, {lastName: payload});
      await submit(el);
      const receipt = await submitted(el);
      expect(text(receipt.querySelector('.receipt-name'))).to.equal(`Marie Louise ${payload}`);
      expect(shadow(el).querySelector('img') === null, 'no <img> was created').to.equal(true);
    });

    it('writes nothing to localStorage, sessionStorage or cookies', async () => {
      localStorage.clear();
      sessionStorage.clear();
      const cookies = document.cookie;
      const el = await form(new IntakeServer());
      await fillValid(el);
      await submit(el);
      await submitted(el);
      expect(localStorage.length).to.equal(0);
      expect(sessionStorage.length).to.equal(0);
      expect(document.cookie).to.equal(cookies);
    });
  });

  describe('configuration', () => {
    it('works inside <cpts-provider>, in English', async () => {
      const server = new IntakeServer();
      const provider = await fixture(html`<cpts-provider lang="en" .client=${server.client()}><cpts-intake-form></cpts-intake-form></cpts-provider>`);
      const el = provider.querySelector('cpts-intake-form') as CptsIntakeForm;
      await ready(el);
      expect(text(shadow(el))).to.contain('Who is filling in this form?');
      expect(text(shadow(el))).to.contain('03 21 00 00 00');
    });

    it('keeps the page’s styles out', async () => {
      const style = document.createElement('style');
      style.textContent = '* { color: rgb(128, 0, 128) !important; } input { border: 5px dashed red !important; }';
      document.head.append(style);
      try {
        const el = await form(new IntakeServer());
        const input = control(el, 'Nom de famille');
        expect(getComputedStyle(input).borderTopStyle).to.equal('solid');
        expect(getComputedStyle(control(el, 'Nom de famille').labels?.[0] as Element).color).to.not.equal('rgb(128, 0, 128)');
      } finally {
        style.remove();
      }
    });
  });

  describe('the printable paper version', () => {
    async function paper(el: CptsIntakeForm): Promise<HTMLElement> {
      shadow(el).querySelector<HTMLButtonElement>('#paper-open')!.click();
      await until(() => shadow(el).querySelector('cpts-intake-paper')?.shadowRoot?.querySelector('#paper-title') != null, 'the paper version');
      return shadow(el).querySelector('cpts-intake-paper') as HTMLElement;
    }

    it('shows every question of the form blank, with the privacy notice and where to send it back', async () => {
      const server = new IntakeServer();
      const el = await form(server);
      expect(text(shadow(el).querySelector('#paper-open'))).to.equal('Version papier à imprimer');
      const sheet = await paper(el);
      const page = text(shadow(sheet));
      const t = intakeFr.intake;
      const questions = [
        t.whoLegend,
        ...Object.values(t.whoKinds),
        t.lastName,
        t.firstNames,
        t.birthDate,
        t.phone,
        t.email,
        t.bestTimeToCall,
        t.commune,
        t.reason,
        ...Object.values(t.reasons),
        ...Object.values(t.priorityQuestions),
        t.comment,
        t.consent,
      ];
      for (const question of questions) expect(page, question).to.contain(question.replace(/\s+/g, ' ').trim());
      expect(page).to.contain(server.territory.privacyNotice.summary);
      expect(page).to.contain('03 21 00 00 00');
      expect(page).to.contain(server.territory.email);
      // nothing to type into: boxes and lines to fill by hand
      expect(shadow(sheet).querySelectorAll('input, textarea, select')).to.have.length(0);
      expect(shadow(sheet).activeElement?.id).to.equal('paper-title');
      await expect(el).to.be.accessible();
      shadow(sheet).querySelector<HTMLButtonElement>('#paper-back')!.click();
      await until(() => shadow(el).querySelector('form') !== null, 'the online form');
      expect(shadow(el).activeElement?.id).to.equal('paper-open');
    });

    it('prints on A4 without its buttons, in large type', async () => {
      const el = await form(new IntakeServer(), {lang: 'en'});
      const sheet = await paper(el);
      expect(text(shadow(sheet).querySelector('#paper-print'))).to.equal('Print');
      const printButton = shadow(sheet).querySelector<HTMLElement>('#paper-print')!;
      expect(printButton.getClientRects().length).to.equal(1);
      const pageRules = document.adoptedStyleSheets.flatMap((s) => [...s.cssRules]).filter((r) => r instanceof CSSPageRule);
      expect(pageRules.map((r) => r.cssText).join(' ')).to.match(/size: a4/i);
      await emulateMedia({media: 'print'});
      try {
        // no button takes any room on paper
        for (const button of shadow(sheet).querySelectorAll('button')) expect(button.getClientRects().length, text(button)).to.equal(0);
        expect(parseFloat(getComputedStyle(shadow(sheet).querySelector('.paper')!).fontSize)).to.be.at.least(18);
      } finally {
        await emulateMedia({media: 'screen'});
      }
    });

    it('prints through window.print(), no inline script', async () => {
      const el = await form(new IntakeServer());
      const sheet = await paper(el);
      const original = window.print;
      let printed = 0;
      window.print = () => void printed++;
      try {
        shadow(sheet).querySelector<HTMLButtonElement>('#paper-print')!.click();
      } finally {
        window.print = original;
      }
      expect(printed).to.equal(1);
      expect(shadow(sheet).querySelector('[onclick]')).to.equal(null);
    });
  });

  describe('accessibility', () => {
    for (const lang of ['fr', 'en']) {
      for (const theme of ['default', 'civic']) {
        it(`passes axe checks in ${lang}, ${theme} theme: empty, with errors, sending and sent`, async () => {
          const server = new IntakeServer();
          const el = await form(server, {lang, theme});
          await expect(el).to.be.accessible();
          await submit(el);
          await expect(el).to.be.accessible();
          el.lang = 'fr';
          await el.updateComplete;
          await fillValid(el);
          el.lang = lang;
          server.hold();
          await submit(el);
          await expect(el).to.be.accessible();
          server.release();
          await submitted(el);
          await expect(el).to.be.accessible();
        });
      }
    }
  });

  describe('with status-href', () => {
    it('links the receipt to the status page, and leaves the link out without the attribute', async () => {
      const withLink = await ready(
        await fixture<CptsIntakeForm>(html`<cpts-intake-form status-href="/examples/request-status.html" .client=${new IntakeServer().client()}></cpts-intake-form>`),
      );
      await fillValid(withLink);
      await submit(withLink);
      const link = (await submitted(withLink)).querySelector('[part~="status-link"]');
      expect(link?.getAttribute('href')).to.equal('/examples/request-status.html');
      expect(text(link)).to.equal('Suivre la demande avec cette référence et la date de naissance');
      await expect(withLink).to.be.accessible();
      const without = await form(new IntakeServer());
      await fillValid(without);
      await submit(without);
      expect((await submitted(without)).querySelector('[part~="status-link"]')).to.equal(null);
    });

    for (const href of ['javascript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', '\njavascript:alert(1)']) {
      it(`never links to another scheme than http(s): ${JSON.stringify(href)}`, async () => {
        const el = await ready(await fixture<CptsIntakeForm>(html`<cpts-intake-form status-href=${href} .client=${new IntakeServer().client()}></cpts-intake-form>`));
        await fillValid(el);
        await submit(el);
        expect((await submitted(el)).querySelector('[part~="status-link"]')).to.equal(null);
      });
    }
  });
});
