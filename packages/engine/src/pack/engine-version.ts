/** The engine's own version, matched against each pack's `engine` range (keep in step with package.json). */
export const ENGINE_VERSION = '0.1.0';
