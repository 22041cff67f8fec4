/**
 * Plain values of the engine that page code may need without loading the engine itself (the
 * lesson file checks run on the page): importing them from here keeps the bundle small.
 */
export { DEFAULT_START } from '../sim/start';
