/**
 * The toolbar's language and theme, shared by preview.ts (which declares them) and the stories
 * (which pass them to the widgets as the `lang` and `theme` attributes a webmaster would set).
 */
import type {Preview} from '@storybook/web-components-vite';

type GlobalTypes = NonNullable<Preview['globalTypes']>;
type Globals = Record<string, unknown>;

export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];
export const themeNames = ['default', 'civic'] as const;
export type Theme = (typeof themeNames)[number];

export interface WidgetGlobals {
  lang: Language;
  theme: Theme;
}

export const initialGlobals: WidgetGlobals = {lang: 'fr', theme: 'default'};

export const globalTypes: GlobalTypes = {
  lang: {
    description: 'Langue des widgets (attribut lang)',
    toolbar: {
      title: 'Langue',
      icon: 'globe',
      items: [
        {value: 'fr', title: 'Français', right: 'fr'},
        {value: 'en', title: 'English', right: 'en'},
      ],
      dynamicTitle: true,
    },
  },
  theme: {
    description: 'Thème des widgets (attribut theme)',
    toolbar: {
      title: 'Thème',
      icon: 'paintbrush',
      items: [
        {value: 'default', title: 'default'},
        {value: 'civic', title: 'civic (sites de communes)'},
      ],
      dynamicTitle: true,
    },
  },
};

function isLanguage(value: unknown): value is Language {
  return (languages as readonly unknown[]).includes(value);
}

function isTheme(value: unknown): value is Theme {
  return (themeNames as readonly unknown[]).includes(value);
}

/** The globals of a story, falling back to French and the default theme when a URL carries junk. */
export function widgetGlobals(globals: Globals): WidgetGlobals {
  return {
    lang: isLanguage(globals.lang) ? globals.lang : initialGlobals.lang,
    theme: isTheme(globals.theme) ? globals.theme : initialGlobals.theme,
  };
}

/** What `find` returns once it returns something, for a story's `play` to wait for a widget's state; fails after 5 s. */
export async function until<T>(find: () => T | null | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`${what} did not show`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
