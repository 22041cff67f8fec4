/**
 * What the page's own thread may use without loading the engine (which runs in a Web Worker):
 * pure formatting, with no state behind it. Importing the port's index would bring the whole
 * simulated cluster into the page's scripts.
 */
export { humanDuration } from '../kubectl/duration';
