import type {StorybookConfig} from '@storybook/web-components-vite';
import type {InlineConfig} from 'vite';

/**
 * The widgets use Lit's TypeScript ("experimental") decorators with `useDefineForClassFields:
 * false`, as tsconfig.base.json says. Vite 8 transforms TS with Oxc and does read the nearest
 * tsconfig, but a package that later gets its own tsconfig without these flags would silently get
 * standard decorators and class fields that shadow Lit's reactive accessors: the element would
 * render once and never update. So we pin the transform here rather than rely on lookup.
 */
const litDecorators: InlineConfig['oxc'] = {
  decorator: {legacy: true},
  assumptions: {setPublicClassFields: true},
  typescript: {removeClassFieldsWithoutInitializer: true},
};

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: {name: '@storybook/web-components-vite', options: {}},
  core: {
    disableTelemetry: true,
    // both fetch from storybook.js.org: the build and the dev server must work offline
    disableWhatsNewNotifications: true,
    enableCrashReports: false,
  },
  async viteFinal(viteConfig) {
    const {defaultClientConditions, mergeConfig} = await import('vite');
    return mergeConfig(viteConfig, {
      oxc: litDecorators,
      // Leaflet's stylesheet as text for the map's shadow root (the build inlines it with
      // rollup-plugin-lit-css); a plain `.css` import would be injected into the page instead
      // '@cpts-kit/source': our packages' exports point at their TypeScript in the workspace, at their build on npm
      resolve: {
        conditions: ['@cpts-kit/source', ...defaultClientConditions],
        alias: [{find: /^leaflet\/dist\/leaflet\.css$/, replacement: 'leaflet/dist/leaflet.css?inline'}],
      },
      // Storybook's own runtime is ~900 kB in one chunk; the warning is about it, not about our widgets
      build: {chunkSizeWarningLimit: 1024},
    } satisfies InlineConfig);
  },
};

export default config;
