// Public API of the geography context: zones of the IBAL, communes, departments, regions,
// postal codes, countries and distances. Data is passed in (buildGeoIndex): this module
// never imports the 8.6 MB commune file, so it stays light in the browser.
export * from './zones.ts';
export * from './eu-members.ts';
export * from './insee-countries.ts';
export * from './countries.ts';
export * from './coordinates.ts';
export * from './postal-table.ts';
export * from './zone-of.ts';
export * from './geo-index.ts';
export { foldText } from './text.ts';
export { overdue, type Sourced } from './sourced.ts';
