import type {Meta, StoryContext, StoryObj} from '@storybook/web-components-vite';
import {html, type TemplateResult} from 'lit';
import '@cpts-kit/widgets/define';
import {widgetGlobals, type WidgetGlobals} from './globals.js';
import {createMockClient, type BoardMockBehaviour} from './mock-client.js';

/** What a board story varies; language and theme come from the toolbar (or the story's `globals`). */
interface BoardArgs {
  board: BoardMockBehaviour;
  /** Simulated API failure (503) or no answer at all (loading). */
  api: 'ok' | 'server-down' | 'never-answers';
  /** The page sets the coordinator token (`token` property); otherwise the board asks for it. */
  signedIn: boolean;
  /** Applied through the board's own controls once rendered. */
  interaction: 'none' | 'filters' | 'columns' | 'map' | 'wrong-token';
}

function board(args: BoardArgs, {lang, theme}: WidgetGlobals): TemplateResult {
  const client = createMockClient({
    lang,
    board: args.board,
    ...(args.api === 'server-down' ? {failure: 'server' as const} : {}),
    ...(args.api === 'never-answers' ? {delayMs: Infinity} : {}),
  });
  return html`<cpts-availability-board lang=${lang} theme=${theme} .client=${client} .token=${args.signedIn ? 'story-token' : undefined}></cpts-availability-board>`;
}

/** Runs `act` on the board's shadow root once `selector` is there. */
function whenRendered(selector: string, act: (root: ShadowRoot) => void, attempt = 0): void {
  const root = document.querySelector('cpts-availability-board')?.shadowRoot;
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
  } else if (args.interaction === 'columns') {
    whenRendered('[part="columns"]', (root) => {
      root.querySelector<HTMLDetailsElement>('[part="columns"]')!.open = true;
      root.querySelector<HTMLInputElement>('#board-column-visibility')!.click();
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

function renderBoard(args: BoardArgs, context: StoryContext<BoardArgs>): TemplateResult {
  return board(args, widgetGlobals(context.globals));
}

const meta = {
  title: 'Widgets/cpts-availability-board',
  component: 'cpts-availability-board',
  render: renderBoard,
  args: boardArgs,
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
    interaction: {control: 'inline-radio', options: ['none', 'filters', 'columns', 'map', 'wrong-token']},
  },
  parameters: {
    viewport: {defaultViewport: 'responsive'},
    layout: 'padded',
    docs: {
      description: {
        component:
          'Le tableau des coordinateurs : tous les professionnels, publics ou visibles du seul réseau, avec leur disponibilité et sa fraîcheur ; filtres, recherche, tri par nom de famille, choix des colonnes, export CSV et vue carte (chargée à la demande).',
      },
    },
  },
} satisfies Meta<BoardArgs>;

export default meta;
type Story = StoryObj<BoardArgs>;

/** The coordinator signs in with a token. */
export const SignIn: Story = {args: {signedIn: false}};

/** A token the server refuses, with the message by the field. */
export const WrongToken: Story = {args: {signedIn: false, board: 'refused', interaction: 'wrong-token'}};

/** Waiting for the server. */
export const Loading: Story = {args: {api: 'never-answers'}};

/** The table of every practitioner. */
export const List: Story = {args: {}};

/** General practitioners with SNP slots this week. */
export const FiltersActive: Story = {args: {interaction: 'filters'}};

/** The columns menu open, « Visibilité » ticked. */
export const ColumnsMenu: Story = {args: {interaction: 'columns'}};

/** A territory with no practitioner yet. */
export const Empty: Story = {args: {board: 'empty'}};

/** The API is down; « Réessayer » asks again. */
export const ServerError: Story = {args: {api: 'server-down'}};

/** The map view (no tiles: the communes' names). */
export const MapView: Story = {args: {interaction: 'map'}};

/** The civic theme. */
export const Civic: Story = {globals: {theme: 'civic'}};

/** In English. */
export const English: Story = {globals: {lang: 'en'}};

/** On the coordinator page: the page's one sign-in above, the board with no form of its own. */
export const WithPageSignIn: Story = {
  args: {signedIn: false},
  render: (args, context) => {
    const {lang, theme} = widgetGlobals(context.globals);
    const client = createMockClient({lang, board: args.board});
    return html`<cpts-provider lang=${lang} theme=${theme} .client=${client}>
      <cpts-coordinator-sign-in></cpts-coordinator-sign-in>
      <cpts-availability-board></cpts-availability-board>
    </cpts-provider>`;
  },
};
