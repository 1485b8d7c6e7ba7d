// The territory's one call, in a module of its own that TerritoryController imports on first use:
// its schema and zod reach the page with the fetch, after the widget has shown itself.
export {getTerritory} from '@cpts-kit/sdk';
