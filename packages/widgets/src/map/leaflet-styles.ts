// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- brings the stylesheet module's type into every program that imports the map (Storybook's too)
/// <reference path="./leaflet-css.d.ts" />
import {unsafeCSS, type CSSResult} from 'lit';
import leafletCss from 'leaflet/dist/leaflet.css';

/**
 * Leaflet's own stylesheet (BSD-2-Clause), inlined at build time. A shadow root does not see the
 * page's stylesheets and a strict CSP forbids <style> elements: as a Lit CSSResult it is adopted
 * into the map's shadow root, and it sits in the map's lazy chunk, so pages without a map never
 * download it. Its `url(…)` rules go: the layers control's and the default marker's images, which
 * we neither ship nor use (they would resolve against the host page and 404), and IE's `behavior`.
 */
export const leafletStyles: CSSResult = unsafeCSS(String(leafletCss).replace(/[\w-]+:\s*url\([^)]*\);?/g, ''));
