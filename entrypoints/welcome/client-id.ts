// What an OAuth client id looks like, so a pasted secret, a project number or a stray space is caught
// before the user tries to sign in.
// Google: "<project number>-<32 letters/digits>.apps.googleusercontent.com"
//   (https://developers.google.com/identity/protocols/oauth2/javascript-implicit-flow — client_id).
// Microsoft: the "Application (client) ID" of the app registration, a GUID
//   (https://learn.microsoft.com/entra/identity-platform/quickstart-register-app).
const FORMATS = {
  google: /^\d{6,}-[a-z0-9]{20,}\.apps\.googleusercontent\.com$/,
  microsoft: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
} as const;

export type ClientIdCheck = 'empty' | 'ok' | 'secret' | 'bad';

export function checkClientId(provider: keyof typeof FORMATS, value: string): ClientIdCheck {
  const id = value.trim();
  if (!id) return 'empty';
  if (FORMATS[provider].test(id)) return 'ok';
  // Google client secrets start "GOCSPX-"; a Microsoft secret value has a "~" and is 40 characters.
  if (/^GOCSPX-/.test(id) || (provider === 'microsoft' && /~/.test(id))) return 'secret';
  return 'bad';
}
