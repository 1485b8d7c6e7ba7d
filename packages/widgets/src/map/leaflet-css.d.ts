// Leaflet's stylesheet as a module: a Lit CSSResult where rollup-plugin-lit-css inlines it (the
// build, the widget tests), its text where Vite's `?inline` does (Storybook).
declare module 'leaflet/dist/leaflet.css' {
  const styles: import('lit').CSSResult | string;
  export default styles;
}
