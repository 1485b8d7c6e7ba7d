export {clientContext} from './client.js';
export {territoryContext, type TerritoryState} from './territory.js';
export {localeContext} from './locale.js';
export {themeContext, themes, isThemeName, type ThemeName} from './theme.js';
