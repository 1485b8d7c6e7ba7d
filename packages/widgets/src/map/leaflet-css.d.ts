// Leaflet's stylesheet as a module: a Lit CSSResult where rollup-plugin-lit-css inlines it (the
// build, the widget tests), its text where Vite's `?inline` does (Storybook).
declare module 'leaflet/dist/leaflet.css' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports -- a top-level import would make this file a module, and the declaration an augmentation of a module that does not exist
  const styles: import('lit').CSSResult | string;
  export default styles;
}
