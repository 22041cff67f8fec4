declare const __APP_VERSION__: string | undefined;

/** The app's version (package.json, injected by vite.config.ts at build time). */
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
