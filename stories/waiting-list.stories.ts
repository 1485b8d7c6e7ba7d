import type {Meta, StoryContext, StoryObj} from '@storybook/web-components-vite';
import {html, type TemplateResult} from 'lit';
import '@cpts-kit/widgets/define';
import type {CptsWaitingList} from '@cpts-kit/widgets';
import {until, widgetGlobals, type WidgetGlobals} from './globals.js';
import {createMockClient, mockCoordinatorToken, type WaitingListMockBehaviour} from './mock-client.js';

/** What a story varies; language and theme come from the toolbar. */
interface WaitingListArgs {
  /** Signed in with the mock's coordinator token, or on the sign-in form. */
  signedIn: boolean;
  /** What the mock's waiting list holds and how it answers. */
  waitingList: WaitingListMockBehaviour;
}

type ListElement = CptsWaitingList & {shadowRoot: ShadowRoot};

function waitingList(args: WaitingListArgs, {lang, theme}: WidgetGlobals): TemplateResult {
  const client = createMockClient({lang, waitingList: args.waitingList});
  return html`<cpts-waiting-list lang=${lang} theme=${theme} .client=${client} .token=${args.signedIn ? mockCoordinatorToken : undefined}></cpts-waiting-list>`;
}

function render(args: WaitingListArgs, context: StoryContext<WaitingListArgs>): TemplateResult {
  return waitingList(args, widgetGlobals(context.globals));
}

/** The list, once its rows show. */
async function listed(canvasElement: HTMLElement): Promise<ListElement> {
  const element = await until(() => canvasElement.querySelector('cpts-waiting-list'), '<cpts-waiting-list>');
  await until(() => element.shadowRoot?.querySelector('[part="row"]'), 'the list');
  await element.updateComplete;
  return element as ListElement;
}

/** Opens the first request (the most urgent, in triage order). */
async function openFirst(canvasElement: HTMLElement): Promise<ListElement> {
  const element = await listed(canvasElement);
  element.shadowRoot.querySelector<HTMLButtonElement>('[part="row"] button')?.click();
  await until(() => element.shadowRoot.querySelector('cpts-intake-actions')?.shadowRoot?.querySelector('form'), 'the request');
  return element;
}

const meta = {
  title: 'Widgets/cpts-waiting-list',
  component: 'cpts-waiting-list',
  render,
  args: {signedIn: true, waitingList: 'demo'},
  argTypes: {
    signedIn: {control: 'boolean', description: 'Connecté avec le jeton de démonstration'},
    waitingList: {control: 'select', options: ['demo', 'empty', 'many', 'stale', 'import-errors', 'offers'], description: 'Contenu et réponses de la liste d’attente simulée'},
  },
  parameters: {
    docs: {
      description: {
        component:
          'La liste d’attente du coordinateur : nombre de demandes par statut, ordre de tri (priorité puis attente), filtres, recherche par référence, nom ou téléphone, une demande ouverte avec son historique, appels, changements de statut, attribution, fusion des doublons, inscription d’une personne qui a appelé, export CSV, import d’une liste. Jeton de la démo : `' +
          mockCoordinatorToken +
          '`. Langue et thème : barre d’outils.',
      },
    },
  },
} satisfies Meta<WaitingListArgs>;

export default meta;
type Story = StoryObj<WaitingListArgs>;

/** Signed in: a dozen requests, the priority ones first. */
export const List: Story = {};

/** Nobody registered yet. */
export const Empty: Story = {args: {waitingList: 'empty'}};

/** 10,000 requests: the server pages them, « Afficher plus » reads the next page. */
export const Many: Story = {args: {waitingList: 'many'}};

/** One request opened: everything collected, who to call back, the criteria, the actions, the possible practitioners, the history. */
export const OneOpened: Story = {
  play: async ({canvasElement}) => {
    await openFirst(canvasElement);
  },
};

/** Someone changed the request meanwhile: the call is refused (412), « Recharger » keeps what was typed. */
export const ChangedMeanwhile: Story = {
  args: {waitingList: 'stale'},
  play: async ({canvasElement}) => {
    const element = await openFirst(canvasElement);
    const actions = element.shadowRoot.querySelector('cpts-intake-actions')!;
    const outcome = actions.shadowRoot!.querySelector<HTMLSelectElement>('#ia-outcome')!;
    outcome.value = 'voicemail';
    outcome.dispatchEvent(new Event('change'));
    await actions.updateComplete;
    actions.shadowRoot!.querySelector<HTMLButtonElement>('#ia-call-submit')!.click();
  },
};

/** Closing without a reason: the summary takes focus, the message sits by the field. */
export const CloseWithoutReason: Story = {
  play: async ({canvasElement}) => {
    const element = await openFirst(canvasElement);
    const actions = element.shadowRoot.querySelector('cpts-intake-actions')!;
    const to = actions.shadowRoot!.querySelector<HTMLSelectElement>('#ia-to')!;
    to.value = 'closed';
    to.dispatchEvent(new Event('change'));
    await actions.updateComplete;
    actions.shadowRoot!.querySelector<HTMLButtonElement>('#ia-transition-submit')!.click();
  },
};

/** Proposed to two practitioners, one of them at quota: nothing is proposed, the reason shows by that practitioner. */
export const ProposeAtQuota: Story = {
  play: async ({canvasElement}) => {
    const element = await openFirst(canvasElement);
    const panel = await until(() => element.shadowRoot.querySelector('cpts-intake-matches'), 'the matches');
    const boxes = await until(() => {
      const found = [...(panel.shadowRoot?.querySelectorAll<HTMLInputElement>('[part="matches"] input') ?? [])];
      return found.length > 2 ? found : undefined;
    }, 'the practitioners');
    // the first one and the one the mock says is at quota
    for (const box of [boxes[0]!, boxes[2]!]) box.click();
    await panel.updateComplete;
    panel.shadowRoot!.querySelector<HTMLButtonElement>('#im-propose')!.click();
  },
};

/** Pull mode: practitioners offered to take two waiting people; the offers show above the list. */
export const PractitionerOffers: Story = {args: {waitingList: 'offers'}};

/** One offer's request opened: the coordinator confirms the offer (it counts as the practitioner's acceptance) or declines it. */
export const OfferToConfirm: Story = {
  args: {waitingList: 'offers'},
  play: async ({canvasElement}) => {
    const element = await listed(canvasElement);
    const offers = await until(() => element.shadowRoot.querySelector('cpts-practitioner-offers')?.shadowRoot?.querySelector<HTMLButtonElement>('li button'), 'the offers');
    offers.click();
    await until(() => element.shadowRoot.querySelector('cpts-intake-matches')?.shadowRoot?.querySelector('[part="proposals"] li[data-status="offered"]'), 'the offer');
  },
};

/** A person registered by phone, saved empty: every missing answer by its field. */
export const RegisterWithErrors: Story = {
  play: async ({canvasElement}) => {
    const element = await listed(canvasElement);
    element.shadowRoot.querySelector<HTMLButtonElement>('#wl-register')!.click();
    const form = await until(
      () => element.shadowRoot.querySelector('cpts-assisted-intake')?.shadowRoot?.querySelector<HTMLButtonElement>('button[type="submit"]'),
      'the form',
    );
    form.click();
  },
};

/** An existing list checked: its errors by line, nothing written. */
export const ImportErrors: Story = {
  args: {waitingList: 'import-errors'},
  play: async ({canvasElement}) => {
    const element = await listed(canvasElement);
    element.shadowRoot.querySelector<HTMLButtonElement>('#wl-import')!.click();
    const importer = await until(() => element.shadowRoot.querySelector('cpts-waiting-list-import'), 'the import');
    const input = await until(() => importer.shadowRoot?.querySelector<HTMLInputElement>('#wi-file'), 'the file input');
    const files = new DataTransfer();
    files.items.add(new File(['Nom;Prénom;Date de naissance\nDupont;Marie;31/02/1950\n'], 'liste.csv', {type: 'text/csv'}));
    input.files = files.files;
    input.dispatchEvent(new Event('change', {bubbles: true}));
    await importer.updateComplete;
    [...importer.shadowRoot!.querySelectorAll('button')].find((b) => !b.disabled)?.click();
  },
};

/** Before sign-in: the token field. */
export const SignIn: Story = {args: {signedIn: false}};

/** English and the civic theme, whatever the toolbar says. */
export const EnglishCivic: Story = {
  render: (args) => waitingList(args, {lang: 'en', theme: 'civic'}),
};
