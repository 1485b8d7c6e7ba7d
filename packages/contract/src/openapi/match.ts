import {Match, MatchList} from '../match.js';
import type {SchemaDocs} from './docs.js';

// `listIntakeMatches` is documented with the intake routes
export const matchSchemas = {Match, MatchList} satisfies SchemaDocs;
