/**
 * The script-tag entry (`dist/cpts-kit.js`): `<script type="module" src=".../cpts-kit.js">`.
 * It holds no widget code: each tag found in the page, now or later, loads its own chunk.
 */
import {createAutoloader} from './autoloader.js';
import {widgetModules} from './widgets.js';

const autoloader = createAutoloader(widgetModules);

/** Loads the widgets inside a shadow root, which the page-level observer cannot see into. */
export const discover = (root: ParentNode): Promise<void> => autoloader.discover(root);
/** Loads one widget's code ahead of use, e.g. before creating it from script. */
export const load = (tag: string): Promise<void> => autoloader.load(tag);
