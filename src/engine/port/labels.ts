/**
 * Label selectors alone, for code on the page that checks one (the lesson builder, imported
 * lesson files): importing them from here keeps the rest of the engine out of the page's bundle.
 */
export { parseSelector, matches as selectorMatches, SelectorParseError, type Selector } from '../api/labels';
