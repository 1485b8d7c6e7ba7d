import type {Meta, StoryContext, StoryObj} from '@storybook/web-components-vite';
import {html, type TemplateResult} from 'lit';
import '@cpts-kit/widgets/define';
import {widgetGlobals, type WidgetGlobals} from './globals.js';
import {createMockClient, longTerritoryName, type MockFailure} from './mock-client.js';

/** What a story varies; language and theme come from the toolbar. */
interface ContactArgs {
  /** Milliseconds the mock API takes to answer; -1 never answers. */
  delayMs: number;
  failure: MockFailure | 'none';
  /** Replaces the demo territory's name when set. */
  name: string;
}

function clientFor(args: ContactArgs, lang: WidgetGlobals['lang']) {
  return createMockClient({
    lang,
    delayMs: args.delayMs < 0 ? Infinity : args.delayMs,
    ...(args.failure === 'none' ? {} : {failure: args.failure}),
    ...(args.name ? {territory: {name: args.name}} : {}),
  });
}

function contact(args: ContactArgs, {lang, theme}: WidgetGlobals): TemplateResult {
  return html`<cpts-territory-contact lang=${lang} theme=${theme} .client=${clientFor(args, lang)}></cpts-territory-contact>`;
}

function renderContact(args: ContactArgs, context: StoryContext<ContactArgs>): TemplateResult {
  return contact(args, widgetGlobals(context.globals));
}

const meta = {
  title: 'Widgets/cpts-territory-contact',
  component: 'cpts-territory-contact',
  render: renderContact,
  args: {delayMs: 300, failure: 'none', name: ''},
  argTypes: {
    delayMs: {control: {type: 'number', min: -1, step: 100}, description: "Délai de réponse de l'API simulée (ms) ; -1 : ne répond jamais"},
    failure: {control: 'inline-radio', options: ['none', 'server', 'not-found', 'network'], description: "Panne simulée de l'API"},
    name: {control: 'text', description: 'Nom du territoire (vide : celui de la démo)'},
  },
  parameters: {
    docs: {
      description: {
        component: "Nom, téléphone et e-mail de la CPTS, lus par `getTerritory(client)`. Langue et thème : barre d'outils (attributs `lang` et `theme`).",
      },
    },
  },
} satisfies Meta<ContactArgs>;

export default meta;
type Story = StoryObj<ContactArgs>;

export const Loaded: Story = {args: {delayMs: 0}};

/** The API never answers: what a visitor sees on a slow mobile network. */
export const Loading: Story = {args: {delayMs: -1}};

export const ServerDown: Story = {args: {failure: 'server'}};

/** A typo in the `territory` attribute: the API answers 404. */
export const UnknownTerritory: Story = {args: {failure: 'not-found'}};

export const Offline: Story = {args: {failure: 'network'}};

export const LongName: Story = {args: {delayMs: 0, name: longTerritoryName}};

/** Names come from the API, so they are untrusted: the markup must show as text, never run. */
export const NameWithMarkup: Story = {args: {delayMs: 0, name: '<img src=x onerror="alert(1)"> CPTS <b>test</b>'}};

/** Several widgets under one provider share its client, language and theme, and one request. */
export const InProvider: Story = {
  render: (args, context) => {
    const {lang, theme} = widgetGlobals(context.globals);
    return html`
      <cpts-provider lang=${lang} theme=${theme} .client=${clientFor(args, lang)}>
        <cpts-territory-contact></cpts-territory-contact>
      </cpts-provider>
    `;
  },
};

const combinations: WidgetGlobals[] = [
  {lang: 'fr', theme: 'default'},
  {lang: 'fr', theme: 'civic'},
  {lang: 'en', theme: 'default'},
  {lang: 'en', theme: 'civic'},
];

/** Every language × theme side by side, loaded and failed, for reviewing a change at a glance. */
export const AllLanguagesAndThemes: Story = {
  args: {delayMs: 0},
  parameters: {layout: 'fullscreen'},
  render: (args) => html`
    <div style="display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 1.5rem; padding: 1rem">
      ${combinations.map(
        (globals) => html`
          <section lang=${globals.lang} aria-label=${`${globals.lang} · ${globals.theme}`}>
            <p style="font: 600 0.8rem/1.2 system-ui; margin: 0 0 0.5rem; color: #555">${globals.lang} · ${globals.theme}</p>
            ${contact(args, globals)} ${contact({...args, failure: 'server'}, globals)}
          </section>
        `,
      )}
    </div>
  `,
};
