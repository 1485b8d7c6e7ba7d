import type {Meta, StoryContext, StoryObj} from '@storybook/web-components-vite';
import {html, type TemplateResult} from 'lit';
import type {OutboxSummary} from '@cpts-kit/contract';
import {createClient} from '@cpts-kit/sdk';
import '@cpts-kit/widgets/define';
import {widgetGlobals, type WidgetGlobals} from './globals.js';
import {createMockFetch, demoTerritory, mockBaseUrl, mockCoordinatorToken} from './mock-client.js';

/** What a story varies; language and theme come from the toolbar. */
interface OutboxArgs {
  signedIn: boolean;
  /** No SMTP on the server: every message waits, and the tool says so. */
  smtpConfigured: boolean;
  empty: boolean;
}

const at = (minutesAgo: number) => new Date(Date.UTC(2026, 11, 7, 9, 0) - minutesAgo * 60_000).toISOString();

function summary(args: OutboxArgs): OutboxSummary {
  const items: OutboxSummary['items'] = args.empty
    ? []
    : [
        {
          id: '00000000-0000-4000-8000-000000000101',
          kind: 'request_closed',
          status: 'failed',
          recipient: 'j•••@exemple.fr',
          attempts: 1,
          lastError: '550 5.1.1 Boîte inconnue',
          nextAttemptAt: at(300),
          createdAt: at(300),
        },
        {
          id: '00000000-0000-4000-8000-000000000102',
          kind: 'receipt',
          status: 'pending',
          recipient: 'm•••@exemple.fr',
          attempts: 0,
          lastError: null,
          nextAttemptAt: at(20),
          createdAt: at(20),
        },
        {
          id: '00000000-0000-4000-8000-000000000103',
          kind: 'priority_alert',
          status: 'pending',
          recipient: 'coordination',
          attempts: args.smtpConfigured ? 2 : 0,
          lastError: args.smtpConfigured ? '451 4.3.0 Service temporairement indisponible' : null,
          nextAttemptAt: at(-10),
          createdAt: at(19),
        },
        {
          id: '00000000-0000-4000-8000-000000000104',
          kind: 'stale_reminder',
          status: 'pending',
          recipient: 'd•••@cabinet-arques.fr',
          attempts: 0,
          lastError: null,
          nextAttemptAt: at(5),
          createdAt: at(5),
        },
      ];
  const waiting = items.filter((i) => i.status === 'pending').length;
  return {
    smtpConfigured: args.smtpConfigured,
    counts: {pending: waiting, sending: 0, sent: args.empty ? 0 : 128, failed: args.empty ? 0 : 1, skipped: args.empty ? 0 : 2},
    items,
  };
}

/** The stories' mock API, plus the outbox: answered here, so the shared mock stays as it is. */
function client(args: OutboxArgs, lang: 'fr' | 'en') {
  const mock = createMockFetch();
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    if (!new URL(request.url).pathname.endsWith(`/territories/${demoTerritory.slug}/outbox`)) return mock(request);
    if (request.headers.get('authorization') !== `Bearer ${mockCoordinatorToken}`) {
      return new Response(JSON.stringify({type: 'https://cpts-kit.fr/problems/unauthorized', title: 'Authentification requise', status: 401, code: 'unauthorized'}), {
        status: 401,
        headers: {'content-type': 'application/problem+json'},
      });
    }
    return new Response(JSON.stringify(summary(args)), {headers: {'content-type': 'application/json'}});
  };
  return createClient({baseUrl: mockBaseUrl, territory: demoTerritory.slug, lang, fetch, retry: 0});
}

function outbox(args: OutboxArgs, {lang, theme}: WidgetGlobals): TemplateResult {
  return html`<cpts-outbox lang=${lang} theme=${theme} .client=${client(args, lang)} .token=${args.signedIn ? mockCoordinatorToken : undefined}></cpts-outbox>`;
}

function render(args: OutboxArgs, context: StoryContext<OutboxArgs>): TemplateResult {
  return outbox(args, widgetGlobals(context.globals));
}

const meta = {
  title: 'Widgets/cpts-outbox',
  component: 'cpts-outbox',
  render,
  args: {signedIn: true, smtpConfigured: false, empty: false},
  argTypes: {
    signedIn: {control: 'boolean', description: 'Connecté avec le jeton de démonstration'},
    smtpConfigured: {control: 'boolean', description: 'Le serveur a un relais SMTP (CPTS_SMTP_URL)'},
    empty: {control: 'boolean', description: 'Aucun message en attente ni en échec'},
  },
  parameters: {
    docs: {
      description: {
        component:
          'Les e-mails du territoire, pour les coordinateurs : combien attendent, sont partis ou ont échoué, et lesquels demandent attention (adresse masquée, tentatives, dernière réponse du relais ; jamais le contenu). Dit clairement quand le serveur n’a pas de SMTP. Jeton de la démo : `' +
          mockCoordinatorToken +
          '`.',
      },
    },
  },
} satisfies Meta<OutboxArgs>;

export default meta;
type Story = StoryObj<OutboxArgs>;

/** No SMTP on the server: the tool says so, and how many messages wait. */
export const NotConfigured: Story = {};

/** SMTP configured: a message the relay refused, one being retried, others waiting their turn. */
export const Delivering: Story = {args: {smtpConfigured: true}};

/** Nothing waits, nothing failed. */
export const Empty: Story = {args: {smtpConfigured: true, empty: true}};

/** Before sign-in: the token field. */
export const SignIn: Story = {args: {signedIn: false}};

/** English and the civic theme, whatever the toolbar says. */
export const EnglishCivic: Story = {
  render: (args) => outbox(args, {lang: 'en', theme: 'civic'}),
};
