import type {Meta, StoryContext, StoryObj} from '@storybook/web-components-vite';
import {html, type TemplateResult} from 'lit';
import '@cpts-kit/widgets/define';
import {widgetGlobals, type WidgetGlobals} from './globals.js';
import {createMockClient, type AvailabilityMockBehaviour, type BoardMockBehaviour} from './mock-client.js';

/** What a story varies; language and theme come from the toolbar. */
interface DeclareArgs {
  availability: AvailabilityMockBehaviour;
  /** Sends the form once rendered, to show it saving or saved. */
  send: 'none' | 'declare' | 'nothing-changed';
}

function declare(args: DeclareArgs, {lang, theme}: WidgetGlobals): TemplateResult {
  const client = createMockClient({lang, availability: args.availability});
  // the token a personal link carries; the mock accepts any
  return html`<cpts-cartodispo mode="declare" lang=${lang} theme=${theme} .client=${client} .token=${'story-token'}></cpts-cartodispo>`;
}

/** Presses the story's button through the widget's own controls, once it has rendered them. */
function press(args: DeclareArgs): void {
  if (args.send === 'none') return;
  const part = args.send === 'declare' ? 'submit' : 'nothing-changed';
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
  args: {availability: 'existing', send: 'none'},
  argTypes: {
    availability: {control: 'select', options: ['first-time', 'existing', 'stale', 'revoked', 'saving'], description: 'Réponse de l’API simulée à GET/PUT …/availability'},
    send: {control: 'inline-radio', options: ['none', 'declare', 'nothing-changed'], description: 'Bouton pressé une fois le formulaire affiché'},
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
          'La page qu’ouvre le lien personnel d’un professionnel (`mode="declare"`) : accepte-t-il de nouveaux patients, lesquels, combien, ses créneaux SNP, ses visites à domicile, et qui peut voir ces informations. Le jeton vient du fragment de l’URL (`#token=…`) ou de la propriété `token`.',
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

/** What a board story varies; language and theme come from the toolbar (or the story's `globals`). */
interface BoardArgs {
  board: BoardMockBehaviour;
  /** Simulated API failure (503) or no answer at all (loading). */
  api: 'ok' | 'server-down' | 'never-answers';
  /** The page sets the coordinator token (`token` property); otherwise the board asks for it. */
  signedIn: boolean;
  /** Applied through the board's own controls once rendered. */
  interaction: 'none' | 'filters' | 'map' | 'wrong-token';
}

function board(args: BoardArgs, {lang, theme}: WidgetGlobals): TemplateResult {
  const client = createMockClient({
    lang,
    board: args.board,
    ...(args.api === 'server-down' ? {failure: 'server' as const} : {}),
    ...(args.api === 'never-answers' ? {delayMs: Infinity} : {}),
  });
  return html`<cpts-cartodispo mode="board" lang=${lang} theme=${theme} .client=${client} .token=${args.signedIn ? 'story-token' : undefined}></cpts-cartodispo>`;
}

/** Runs `act` on the board's shadow root once `selector` is there. */
function whenRendered(selector: string, act: (root: ShadowRoot) => void, attempt = 0): void {
  const root = document.querySelector('cpts-cartodispo')?.shadowRoot;
  if (root?.querySelector(selector)) act(root);
  else if (attempt < 100) setTimeout(() => whenRendered(selector, act, attempt + 1), 50);
}

function interact(args: BoardArgs): void {
  if (args.interaction === 'filters') {
    whenRendered('#board-q', (root) => {
      const select = root.querySelector<HTMLSelectElement>('#board-profession')!;
      select.value = 'medecin_generaliste';
      select.dispatchEvent(new Event('change'));
      root.querySelector<HTMLInputElement>('#board-snp')!.click();
    });
  } else if (args.interaction === 'map') {
    whenRendered('.toggle', (root) => root.querySelectorAll<HTMLButtonElement>('.toggle button')[1]!.click());
  } else if (args.interaction === 'wrong-token') {
    whenRendered('#board-token', (root) => {
      const input = root.querySelector<HTMLInputElement>('#board-token')!;
      input.value = 'not-a-token';
      input.dispatchEvent(new Event('input'));
      root.querySelector<HTMLFormElement>('[part="sign-in"]')!.requestSubmit();
    });
  }
}

const boardArgs: BoardArgs = {board: 'demo', api: 'ok', signedIn: true, interaction: 'none'};

/** Shared by the board's stories: they live in this file, beside the declaration's, as one widget. */
const boardStory = (args: Partial<BoardArgs>, extra: Partial<StoryObj<BoardArgs>> = {}): StoryObj<BoardArgs> => ({
  args: {...boardArgs, ...args},
  render: (storyArgs, context) => board(storyArgs, widgetGlobals(context.globals)),
  decorators: [
    (story, context) => {
      const result = story();
      setTimeout(() => interact(context.args), 0);
      return result;
    },
  ],
  argTypes: {
    board: {control: 'select', options: ['demo', 'empty', 'refused'], description: 'Réponse de l’API simulée à GET …/availability-board'},
    api: {control: 'inline-radio', options: ['ok', 'server-down', 'never-answers']},
    signedIn: {control: 'boolean', description: 'La page fournit le jeton (propriété `token`)'},
    interaction: {control: 'inline-radio', options: ['none', 'filters', 'map', 'wrong-token']},
  },
  parameters: {
    viewport: {defaultViewport: 'responsive'},
    layout: 'padded',
    docs: {
      description: {
        story:
          'Le tableau des coordinateurs (`mode="board"`) : tous les professionnels, publics ou visibles du seul réseau, avec leur disponibilité et sa fraîcheur ; filtres, recherche, tri, export CSV et vue carte (chargée à la demande).',
      },
    },
  },
  ...extra,
});

/** Board: the coordinator signs in with a token. */
export const BoardSignIn = boardStory({signedIn: false});

/** Board: a token the server refuses, with the message by the field. */
export const BoardWrongToken = boardStory({signedIn: false, board: 'refused', interaction: 'wrong-token'});

/** Board: waiting for the server. */
export const BoardLoading = boardStory({api: 'never-answers'});

/** Board: the table of every practitioner. */
export const BoardList = boardStory({});

/** Board: general practitioners with SNP slots this week. */
export const BoardFiltersActive = boardStory({interaction: 'filters'});

/** Board: a territory with no practitioner yet. */
export const BoardEmpty = boardStory({board: 'empty'});

/** Board: the API is down; « Réessayer » asks again. */
export const BoardError = boardStory({api: 'server-down'});

/** Board: the map view (no tiles: the communes' names). */
export const BoardMap = boardStory({interaction: 'map'});

/** Board: the civic theme. */
export const BoardCivic = boardStory({}, {globals: {theme: 'civic'}});

/** Board: in English. */
export const BoardEnglish = boardStory({}, {globals: {lang: 'en'}});
