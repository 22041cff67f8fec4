/** The version the API server reports (`/version`, node info, `kubectl version`). */
export const KUBERNETES_VERSION = 'v1.32.0';
