import type {Decorator, Preview} from '@storybook/web-components-vite';
import {globalTypes, initialGlobals, widgetGlobals} from '../stories/globals.js';

/**
 * Sets the page language too: a widget outside a provider and without its own `lang` falls back
 * to the page's, as it would on a commune's site, and screen readers read the story in that language.
 */
const withPageLanguage: Decorator = (story, context) => {
  document.documentElement.lang = widgetGlobals(context.globals).lang;
  return story();
};

const preview: Preview = {
  globalTypes,
  initialGlobals: {...initialGlobals},
  decorators: [withPageLanguage],
  parameters: {
    layout: 'padded',
    controls: {expanded: true},
  },
};

export default preview;
