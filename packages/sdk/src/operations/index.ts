// One module per group of operations, each a set of plain functions: a bundler keeps only the
// functions a page calls, and a page's chunks only the contract schemas those calls check.
export * from './availability.js';
export * from './intake.js';
export * from './interest.js';
export * from './matching.js';
export * from './messages.js';
export * from './internships.js';
export * from './practitioners.js';
export * from './request-status.js';
export * from './stats.js';
export * from './session.js';
export * from './system.js';
export * from './territory.js';
export * from './waiting-list.js';
