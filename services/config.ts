// Where the extension talks to. The sandbox build (`npm run build:sandbox`) points everything at the
// local sandbox; in the production build `SANDBOX` is the constant false and the sandbox branches
// are removed by the bundler (a test checks the production output holds no loopback address).
export const SANDBOX = import.meta.env.MODE === 'sandbox';
const sandboxOrigin = SANDBOX ? String(import.meta.env.WXT_SANDBOX_ORIGIN ?? 'http://127.0.0.1:8787') : '';

export const GOOGLE_API_BASE = SANDBOX ? `${sandboxOrigin}/google` : 'https://www.googleapis.com';
export const GRAPH_API_BASE = SANDBOX ? `${sandboxOrigin}/graph/` : 'https://graph.microsoft.com/';
export const GOOGLE_AUTH_URL = SANDBOX
  ? `${sandboxOrigin}/oauth/google/authorize`
  : 'https://accounts.google.com/o/oauth2/v2/auth';
export const MICROSOFT_AUTHORITY = SANDBOX
  ? `${sandboxOrigin}/oauth/microsoft`
  : 'https://login.microsoftonline.com/common/oauth2/v2.0';
