import type {Meta, StoryContext, StoryObj} from '@storybook/web-components-vite';
import {html, type TemplateResult} from 'lit';
import '@cpts-kit/widgets/define';
import {widgetGlobals, type WidgetGlobals} from './globals.js';
import {createMockClient, type AvailabilityMockBehaviour} from './mock-client.js';
import type {ProposalsMockBehaviour} from './mock-proposals.js';

/** What a story varies; language and theme come from the toolbar. */
interface DeclareArgs {
  availability: AvailabilityMockBehaviour;
  /** Sends the form once rendered, to show it saving or saved; `accept` accepts the first proposal, `decline` opens its refusal. */
  send: 'none' | 'declare' | 'nothing-changed' | 'accept' | 'decline';
  /** The patients the CPTS proposes, and whether the territory lets practitioners pick. */
  proposals: ProposalsMockBehaviour;
}

function declare(args: DeclareArgs, {lang, theme}: WidgetGlobals): TemplateResult {
  const client = createMockClient({lang, availability: args.availability, proposals: args.proposals});
  // the token a personal link carries; the mock accepts any
  return html`<cpts-cartodispo lang=${lang} theme=${theme} .client=${client} .token=${'story-token'}></cpts-cartodispo>`;
}

/** Presses the story's button through the widget's own controls, once it has rendered them. */
function press(args: DeclareArgs): void {
  if (args.send === 'none') return;
  const part = {declare: 'submit', 'nothing-changed': 'nothing-changed', accept: 'accept', decline: 'decline'}[args.send];
  const tryPress = (attempt = 0) => {
    const button = document.querySelector('cpts-cartodispo')?.shadowRoot?.querySelector<HTMLButtonElement>(`[part="${part}"]`);
    if (button) button.click();
    else if (attempt < 100) setTimeout(() => tryPress(attempt + 1), 50);
  };
  tryPress();
}

function renderDeclare(args: DeclareArgs, context: StoryContext<DeclareArgs>): TemplateResult {
  return declare(args, widgetGlobals(context.globals));
}

const meta = {
  title: 'Widgets/cpts-cartodispo',
  component: 'cpts-cartodispo',
  render: renderDeclare,
  args: {availability: 'existing', send: 'none', proposals: 'none'},
  argTypes: {
    availability: {control: 'select', options: ['first-time', 'existing', 'stale', 'revoked', 'saving'], description: 'Réponse de l’API simulée à GET/PUT …/availability'},
    send: {control: 'inline-radio', options: ['none', 'declare', 'nothing-changed', 'accept', 'decline'], description: 'Bouton pressé une fois le formulaire affiché'},
    proposals: {
      control: 'select',
      options: ['none', 'demo', 'pick', 'already-taken'],
      description: 'Patients proposés (GET …/proposals) et personnes en attente (GET …/waiting-people)',
    },
  },
  decorators: [
    (story, context) => {
      const result = story();
      setTimeout(() => press(context.args), 0);
      return result;
    },
  ],
  parameters: {
    viewport: {defaultViewport: 'mobile1'},
    docs: {
      description: {
        component:
          'La page qu’ouvre le lien personnel d’un professionnel : accepte-t-il de nouveaux patients, lesquels, combien, ses créneaux SNP, ses visites à domicile, et qui peut voir ces informations ; puis les patients que la CPTS lui propose (accepter, refuser, coordonnées une fois accepté) et, si le territoire le permet, les personnes en attente près de chez lui. Le jeton vient du fragment de l’URL (`#token=…`, qui y reste pour recharger la page ou la garder en favori, jusqu’à « Oublier ce lien sur cet appareil ») ou de la propriété `token`.',
      },
    },
  },
} satisfies Meta<DeclareArgs>;

export default meta;
type Story = StoryObj<DeclareArgs>;

/** A first declaration: nothing declared yet. */
export const FirstTime: Story = {args: {availability: 'first-time'}};

/** A declaration 12 days old, with « Rien n’a changé ». */
export const Existing: Story = {};

/** A declaration 45 days old: marked « À actualiser ». */
export const Stale: Story = {args: {availability: 'stale'}};

/** Sent, waiting for the server. */
export const Saving: Story = {args: {availability: 'saving', send: 'nothing-changed'}};

/** Confirmed with « Rien n’a changé ». */
export const Saved: Story = {args: {send: 'nothing-changed'}};

/** The link was revoked or expired. */
export const RevokedLink: Story = {args: {availability: 'revoked'}};

/** Two patients proposed by the CPTS, one already accepted (contact details shown), 3 places left this month. */
export const Proposals: Story = {args: {proposals: 'demo'}};

/** The territory lets practitioners pick: people waiting nearby, pseudonymised. */
export const WaitingPeopleNearby: Story = {args: {proposals: 'pick'}};

/** Accepted: the person's contact details and « Première consultation faite ». */
export const ProposalAccepted: Story = {args: {proposals: 'demo', send: 'accept'}};

/** Declining the first proposal: an optional reason and a word for the coordination, then « Confirmer le refus ». */
export const ProposalDecline: Story = {args: {proposals: 'demo', send: 'decline'}};

/** Someone else accepted first. */
export const ProposalAlreadyTaken: Story = {args: {proposals: 'already-taken', send: 'accept'}};

const combinations: WidgetGlobals[] = [
  {lang: 'fr', theme: 'default'},
  {lang: 'fr', theme: 'civic'},
  {lang: 'en', theme: 'default'},
  {lang: 'en', theme: 'civic'},
];

/** Every language × theme side by side. */
export const AllLanguagesAndThemes: Story = {
  parameters: {layout: 'fullscreen'},
  render: (args) => html`
    <div style="display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 1.5rem; padding: 1rem">
      ${combinations.map(
        (globals) => html`
          <section lang=${globals.lang} aria-label=${`${globals.lang} · ${globals.theme}`}>
            <p style="font: 600 0.8rem/1.2 system-ui; margin: 0 0 0.5rem; color: #555">${globals.lang} · ${globals.theme}</p>
            ${declare(args, globals)}
          </section>
        `,
      )}
    </div>
  `,
};
