import type {Meta, StoryContext, StoryObj} from '@storybook/web-components-vite';
import {html, type TemplateResult} from 'lit';
import '@cpts-kit/widgets/define';
import type {CptsPractitionerManager} from '@cpts-kit/widgets';
import {until, widgetGlobals, type WidgetGlobals} from './globals.js';
import {createMockClient, demoImportCsv, mockCoordinatorToken, type MockOptions} from './mock-client.js';

/** What a story varies; language and theme come from the toolbar. */
interface ManagerArgs {
  /** Signed in with the mock's coordinator token, or on the sign-in form. */
  signedIn: boolean;
  /** How the mock answers a save. */
  practitionerSave: NonNullable<MockOptions['practitionerSave']>;
  /** How the mock answers the CSV import. */
  practitionerImport: NonNullable<MockOptions['practitionerImport']>;
}

type ManagerElement = CptsPractitionerManager & {shadowRoot: ShadowRoot};

function manager(args: ManagerArgs, {lang, theme}: WidgetGlobals): TemplateResult {
  const client = createMockClient({lang, practitionerSave: args.practitionerSave, practitionerImport: args.practitionerImport});
  return html`<cpts-practitioner-manager lang=${lang} theme=${theme} link-base="https://cpts-audomarois.example/disponibilites/" .client=${client}
    .token=${args.signedIn ? mockCoordinatorToken : undefined}></cpts-practitioner-manager>`;
}

function render(args: ManagerArgs, context: StoryContext<ManagerArgs>): TemplateResult {
  return manager(args, widgetGlobals(context.globals));
}

/** The manager, once its list shows. */
async function listed(canvasElement: HTMLElement): Promise<ManagerElement> {
  const element = await until(() => canvasElement.querySelector('cpts-practitioner-manager'), '<cpts-practitioner-manager>');
  await until(() => element.shadowRoot?.querySelector('[part="row"]'), 'the list');
  await element.updateComplete;
  return element as ManagerElement;
}

/** Opens the import, picks the demo CSV and checks it (a dry run). */
async function checkDemoCsv(canvasElement: HTMLElement): Promise<void> {
  const element = await listed(canvasElement);
  element.shadowRoot.querySelector<HTMLButtonElement>('button[aria-controls="pm-import"]')?.click();
  await element.updateComplete;
  const importer = element.shadowRoot.querySelector('cpts-practitioner-import')!;
  const input = await until(() => importer.shadowRoot?.querySelector<HTMLInputElement>('#pi-file'), 'the file input');
  const files = new DataTransfer();
  files.items.add(new File([demoImportCsv], 'praticiens.csv', {type: 'text/csv'}));
  input.files = files.files;
  input.dispatchEvent(new Event('change', {bubbles: true}));
  const check = await until(
    () =>
      [...(importer.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === 'Vérifier le fichier' || b.textContent?.trim() === 'Check the file'),
    'the check button',
  );
  check.click();
}

const meta = {
  title: 'Widgets/cpts-practitioner-manager',
  component: 'cpts-practitioner-manager',
  render,
  args: {signedIn: true, practitionerSave: 'saved', practitionerImport: 'valid'},
  argTypes: {
    signedIn: {control: 'boolean', description: 'Connecté avec le jeton de démonstration'},
    practitionerSave: {control: 'select', options: ['saved', 'field-errors'], description: 'Réponse du serveur à un enregistrement'},
    practitionerImport: {control: 'select', options: ['valid', 'errors'], description: 'Réponse du serveur à l’import CSV'},
  },
  parameters: {
    docs: {
      description: {
        component:
          'Gestion des praticiens par le coordinateur : connexion par jeton, liste et recherche (désactivés signalés), création et modification, désactivation, suppression, liens personnels (affichés une fois, copiables), révocation, import CSV avec vérification préalable. Jeton de la démo : `' +
          mockCoordinatorToken +
          '`. Langue et thème : barre d’outils.',
      },
    },
  },
} satisfies Meta<ManagerArgs>;

export default meta;
type Story = StoryObj<ManagerArgs>;

/** Before sign-in: the token field. The mock accepts `demo-coordinator-token`. */
export const SignIn: Story = {args: {signedIn: false}};

/** Signed in: every practitioner, the deactivated one marked. */
export const List: Story = {};

/** A new practitioner saved empty: the summary takes focus, each message sits by its field. */
export const EditorWithErrors: Story = {
  play: async ({canvasElement}) => {
    const element = await listed(canvasElement);
    element.shadowRoot.querySelector<HTMLButtonElement>('.toolbar button')?.click();
    const editor = await until(() => element.shadowRoot.querySelector('cpts-practitioner-editor'), 'the editor');
    await editor.updateComplete;
    const rpps = editor.shadowRoot!.querySelector<HTMLInputElement>('#pe-rpps')!;
    rpps.value = '12345678901';
    rpps.dispatchEvent(new Event('input'));
    await editor.updateComplete;
    editor.shadowRoot?.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
  },
};

/** The server refuses the commune: its error lands on the commune field. */
export const ServerFieldError: Story = {
  args: {practitionerSave: 'field-errors'},
  play: async ({canvasElement}) => {
    const element = await listed(canvasElement);
    element.shadowRoot.querySelector<HTMLButtonElement>('[part="row"] .menu li:first-child button')?.click();
    const editor = await until(() => element.shadowRoot.querySelector('cpts-practitioner-editor'), 'the editor');
    await until(() => editor.shadowRoot?.querySelector<HTMLInputElement>('#pe-lastName')?.value, 'the practitioner in the editor');
    editor.shadowRoot?.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
  },
};

/** A personal link just issued: the full URL, the copy button, the shown-once note. */
export const LinkIssued: Story = {
  play: async ({canvasElement}) => {
    const element = await listed(canvasElement);
    element.shadowRoot.querySelector<HTMLButtonElement>('[part="row"] .menu li:nth-child(3) button')?.click();
  },
};

/** A CSV file checked without writing: what would be created and updated. */
export const ImportPreview: Story = {
  play: async ({canvasElement}) => checkDemoCsv(canvasElement),
};

/** A CSV file with errors: every error by line and column, nothing written. */
export const ImportErrors: Story = {
  args: {practitionerImport: 'errors'},
  play: async ({canvasElement}) => checkDemoCsv(canvasElement),
};

/** English and the civic theme, whatever the toolbar says. */
export const EnglishCivic: Story = {
  render: (args) => manager(args, {lang: 'en', theme: 'civic'}),
};
