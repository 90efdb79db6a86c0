import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import {
  chromeAiBackend,
  openAiCompatibleBackend,
  type AiBackend,
  type LanguageModelApi,
} from './assistant/ai';

// Which model may polish drafts, if any. Off until the user turns it on (DESIGN.md: AI is optional).
// The API key lives in extension storage only: never localStorage (readable by any script of the
// page's origin) and never logged.

export type AiMode = 'off' | 'chrome' | 'endpoint';

export interface AiSettings {
  mode: AiMode;
  /** OpenAI-compatible base URL, e.g. "http://localhost:11434/v1". */
  url: string;
  model: string;
  apiKey: string;
}

export const aiSettings = storage.defineItem<AiSettings>('local:aiSettings', {
  fallback: { mode: 'off', url: '', model: '', apiKey: '' },
  version: 1,
});

/** The origin the endpoint lives at, or null for anything but an http(s) URL. */
export function endpointOrigin(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    return parsed.origin;
  } catch {
    return null;
  }
}

/**
 * Whether the manifest lets us ask for this origin: any https host, plain http only on this machine
 * (optional_host_permissions). A LAN model over http needs https or a localhost tunnel.
 */
export function endpointAllowed(url: string): boolean {
  const origin = endpointOrigin(url);
  if (!origin) return false;
  const { protocol, hostname } = new URL(origin);
  return protocol === 'https:' || hostname === 'localhost' || hostname === '127.0.0.1';
}

/** The browser's permission request: origins, and in Firefox its data-collection consent too. */
export interface EndpointPermission {
  origins: string[];
  data_collection?: string[];
}

/**
 * Exactly the one origin the user typed, as a permission pattern. In Firefox, mail text sent to an
 * endpoint is "personal communications" under its built-in data consent: the manifest declares it
 * optional (wxt.config.ts) and it is asked for here, with the origin, in the same click. See
 * https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/permissions and
 * https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/
 */
export function endpointPermission(
  url: string,
  firefox: boolean = import.meta.env.FIREFOX === true,
): EndpointPermission | null {
  const origin = endpointOrigin(url);
  if (!origin) return null;
  return firefox
    ? { origins: [`${origin}/*`], data_collection: ['personalCommunications'] }
    : { origins: [`${origin}/*`] };
}

type Permissions = Parameters<typeof browser.permissions.request>[0];

/**
 * Asks the user for access to the endpoint's origin. Call it first thing in a click handler:
 * browsers grant optional permissions only inside a user gesture.
 */
export async function requestEndpointPermission(url: string, firefox?: boolean): Promise<boolean> {
  const permission = endpointPermission(url, firefox);
  if (!permission) return false;
  try {
    return await browser.permissions.request(permission as Permissions);
  } catch {
    // Firefox throws when the origin is outside optional_permissions (e.g. a plain-http LAN host).
    return false;
  }
}

export async function hasEndpointPermission(url: string, firefox?: boolean): Promise<boolean> {
  const permission = endpointPermission(url, firefox);
  if (!permission) return false;
  try {
    return await browser.permissions.contains(permission as Permissions);
  } catch {
    return false;
  }
}

export interface BackendOptions {
  signal?: AbortSignal;
  languageModel?: LanguageModelApi;
  fetch?: typeof fetch;
}

/**
 * The backend drafts may be polished with: null when AI is off, the Chrome model is not ready on
 * this device, or the endpoint's host permission is missing (revoked, or never granted).
 */
export async function activeBackend(options: BackendOptions = {}): Promise<AiBackend | null> {
  const settings = await aiSettings.getValue();
  if (settings.mode === 'chrome') {
    const backend = chromeAiBackend({
      ...(options.languageModel ? { languageModel: options.languageModel } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return (await backend.availability()) === 'available' ? backend : null;
  }
  if (settings.mode === 'endpoint') {
    if (!settings.url.trim() || !settings.model.trim()) return null;
    if (!(await hasEndpointPermission(settings.url))) return null;
    return openAiCompatibleBackend({
      url: settings.url.trim(),
      model: settings.model.trim(),
      ...(settings.apiKey ? { apiKey: settings.apiKey } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  }
  return null;
}

export type ConnectionTest =
  | { ok: true; models: string[] }
  | { ok: false; problem: 'bad-url' | 'unreachable' | 'status' | 'model-missing'; detail: string };

/**
 * Checks the endpoint answers, accepts the key and knows the model, by listing its models: cheap,
 * and no mail text is sent.
 */
export async function testEndpoint(
  settings: Pick<AiSettings, 'url' | 'model' | 'apiKey'>,
  doFetch: typeof fetch = (...args) => fetch(...args),
): Promise<ConnectionTest> {
  if (!endpointOrigin(settings.url)) return { ok: false, problem: 'bad-url', detail: settings.url };
  let res: Response;
  try {
    res = await doFetch(`${settings.url.trim().replace(/\/+$/, '')}/models`, {
      headers: settings.apiKey ? { Authorization: `Bearer ${settings.apiKey}` } : {},
      signal: AbortSignal.timeout(15_000),
    });
  } catch (e) {
    return { ok: false, problem: 'unreachable', detail: e instanceof Error ? e.message : String(e) };
  }
  if (!res.ok) return { ok: false, problem: 'status', detail: String(res.status) };
  let models: string[] = [];
  try {
    const json = (await res.json()) as { data?: { id?: unknown }[] };
    models = (json.data ?? []).map((m) => m.id).filter((id): id is string => typeof id === 'string');
  } catch {
    // Some servers answer the listing with no body; reachability is what was asked.
  }
  const wanted = settings.model.trim();
  if (wanted && models.length > 0 && !models.includes(wanted)) {
    return { ok: false, problem: 'model-missing', detail: models.slice(0, 10).join(', ') };
  }
  return { ok: true, models };
}

/**
 * Starts (or joins) the download of Chrome's on-device model; needs a user gesture. Resolves when
 * the model is ready.
 */
export async function downloadChromeModel(
  onProgress: (fraction: number) => void,
  languageModel: LanguageModelApi | undefined = (globalThis as { LanguageModel?: LanguageModelApi })
    .LanguageModel,
): Promise<void> {
  if (!languageModel) throw new Error('Chrome built-in AI is not available');
  const session = await languageModel.create({
    monitor: (m) => m.addEventListener('downloadprogress', (e) => onProgress(e.loaded)),
  });
  session.destroy?.();
}
