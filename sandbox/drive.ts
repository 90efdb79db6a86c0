import type { ServerResponse } from 'node:http';
import type { Route, SandboxRequest } from './http';
import { sendGoogleError } from './google';
import { bearerToken, compileEndpoints, findEndpoint, randomId, sendEmpty, type Endpoint } from './routing';
import { sendJson } from './http';
import type { SandboxState } from './state';

// Google Drive API v3, only the application data folder the backup uses, as documented:
// - "Store application-specific data" (developers.google.com/workspace/drive/api/guides/appdata)
// - "Upload file data" (…/guides/manage-uploads#multipart)
// - "Download and export files" (…/guides/manage-downloads): alt=media
// - files.list / files.delete reference pages (…/api/reference/rest/v3/files)
// - "Resolve errors" (…/guides/handle-errors)

export const DRIVE_PREFIX = '/google/drive/v3/';
export const DRIVE_UPLOAD_PREFIX = '/google/upload/drive/v3/';
const SCOPE_BASE = 'https://www.googleapis.com/auth/';

export interface DriveFile {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  spaces: string[];
  createdTime: string;
  modifiedTime: string;
  size: string;
  content: string;
}

export interface DriveStore {
  files: DriveFile[];
}

export function driveStore(state: SandboxState): DriveStore {
  return (state.clouds.drive ??= { files: [] }) as DriveStore;
}

export function driveRoutes(state: SandboxState): Route {
  const api = compileEndpoints(driveEndpoints(state));
  const upload = compileEndpoints([
    { method: 'POST', pattern: 'files', handle: (req, res) => create(state, req, res) },
  ]);
  return async (req, res) => {
    const path = req.url.pathname;
    const [prefix, endpoints] = path.startsWith(DRIVE_UPLOAD_PREFIX)
      ? [DRIVE_UPLOAD_PREFIX, upload]
      : path.startsWith(DRIVE_PREFIX)
        ? [DRIVE_PREFIX, api]
        : [null, api];
    if (!prefix) return false;
    const found = findEndpoint(endpoints, req.method, path.slice(prefix.length));
    if (!found) return false;
    state.countRequest(`${req.method} ${prefix}${found.endpoint.pattern}`);
    // "Resolve errors": 401 "Invalid Credentials" for an expired or invalid access token.
    if (state.checkToken('google', bearerToken(req)) !== 'ok') {
      sendGoogleError(res, 401, 'authError', 'Invalid Credentials', {
        'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"',
      });
      return true;
    }
    // "Store application-specific data": the appDataFolder needs the drive.appdata scope (or full
    // drive); a token without it is refused.
    const scopes = state.tokenScopes('google', bearerToken(req));
    if (scopes && !['drive.appdata', 'drive'].some((s) => scopes.includes(`${SCOPE_BASE}${s}`))) {
      sendGoogleError(res, 403, 'insufficientPermissions', 'Request had insufficient authentication scopes.');
      return true;
    }
    await found.endpoint.handle(req, res, found.params);
    return true;
  };
}

function driveEndpoints(state: SandboxState): Endpoint[] {
  return [
    { method: 'GET', pattern: 'files', handle: (req, res) => list(state, req, res) },
    {
      method: 'GET',
      pattern: 'files/{fileId}',
      handle: (req, res, p) => get(state, req, res, p.fileId ?? ''),
    },
    {
      method: 'DELETE',
      pattern: 'files/{fileId}',
      handle: (_req, res, p) => remove(state, res, p.fileId ?? ''),
    },
  ];
}

/** "Resolve errors": 404 notFound "File not found: {fileId}." */
function notFound(res: ServerResponse, id: string): void {
  sendGoogleError(res, 404, 'notFound', `File not found: ${id}.`);
}

function create(state: SandboxState, req: SandboxRequest, res: ServerResponse): void {
  // Only the multipart upload is emulated; media and resumable uploads are not used by the backup.
  const uploadType = req.url.searchParams.get('uploadType');
  if (uploadType !== 'multipart')
    return sendGoogleError(res, 400, 'badRequest', `Unsupported uploadType: ${uploadType ?? '(none)'}`);
  const type = req.headers['content-type'] ?? '';
  const boundary = /^multipart\/related;\s*boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!boundary)
    return sendGoogleError(res, 400, 'badContent', 'Multipart upload needs Content-Type multipart/related');
  const parts = splitMultipart(req.body, boundary);
  if (parts.length !== 2 || !/application\/json/i.test(parts[0]?.type ?? ''))
    return sendGoogleError(
      res,
      400,
      'badContent',
      'A multipart upload has a JSON metadata part, then the media',
    );
  let meta: { name?: string; parents?: string[]; mimeType?: string };
  try {
    meta = JSON.parse(parts[0]?.body ?? '') as typeof meta;
  } catch {
    return sendGoogleError(res, 400, 'parseError', 'Parse Error');
  }
  // "Store application-specific data": files go into the folder by parents: ['appDataFolder'];
  // this sandbox holds nothing else of the user's Drive.
  if (!meta.parents?.includes('appDataFolder'))
    return sendGoogleError(
      res,
      403,
      'insufficientPermissions',
      'The sandbox Drive holds only appDataFolder files.',
    );
  const now = new Date().toISOString();
  const content = parts[1]?.body ?? '';
  const file: DriveFile = {
    id: randomId(33, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'),
    name: meta.name ?? 'Untitled',
    mimeType: meta.mimeType ?? parts[1]?.type ?? 'application/octet-stream',
    parents: ['appDataFolder'],
    spaces: ['appDataFolder'],
    createdTime: now,
    modifiedTime: now,
    size: String(Buffer.byteLength(content, 'utf8')),
    content,
  };
  driveStore(state).files.push(file);
  sendJson(res, 200, pick(file, req.url.searchParams.get('fields')));
}

function list(state: SandboxState, req: SandboxRequest, res: ServerResponse): void {
  const q = req.url.searchParams;
  // files.list: appDataFolder files are listed only when spaces includes appDataFolder.
  const spaces = (q.get('spaces') ?? 'drive').split(',');
  const size = Number(q.get('pageSize') ?? 100);
  // files.list: pageSize "Acceptable values are 1 to 1000, inclusive".
  if (!Number.isInteger(size) || size < 1 || size > 1000)
    return sendGoogleError(res, 400, 'invalid', `Invalid value for pageSize: ${q.get('pageSize')}`);
  const files = driveStore(state)
    .files.filter((f) => f.spaces.some((s) => spaces.includes(s)))
    .sort((a, b) => a.createdTime.localeCompare(b.createdTime) || a.id.localeCompare(b.id));
  const start = Number(q.get('pageToken') ?? 0);
  const page = files.slice(start, start + size);
  const fields = /files\(([^)]*)\)/.exec(q.get('fields') ?? '')?.[1] ?? 'id,name,mimeType,kind';
  sendJson(res, 200, {
    kind: 'drive#fileList',
    ...(start + size < files.length ? { nextPageToken: String(start + size) } : {}),
    files: page.map((f) => pick(f, fields)),
  });
}

function get(state: SandboxState, req: SandboxRequest, res: ServerResponse, id: string): void {
  const file = driveStore(state).files.find((f) => f.id === id);
  if (!file) return notFound(res, id);
  if (req.url.searchParams.get('alt') === 'media') {
    res.writeHead(200, { 'content-type': file.mimeType });
    res.end(file.content);
    return;
  }
  sendJson(res, 200, pick(file, req.url.searchParams.get('fields')));
}

function remove(state: SandboxState, res: ServerResponse, id: string): void {
  const store = driveStore(state);
  const index = store.files.findIndex((f) => f.id === id);
  if (index < 0) return notFound(res, id);
  store.files.splice(index, 1);
  // files.delete: "If successful, the response body is an empty JSON object" with 204 No Content.
  sendEmpty(res, 204);
}

/** `fields` partial responses; the default is kind, id, name, mimeType. */
function pick(file: DriveFile, fields: string | null): Record<string, unknown> {
  const wanted = (fields ?? 'kind,id,name,mimeType').split(',').map((f) => f.trim());
  const full: Record<string, unknown> = { kind: 'drive#file', ...file };
  delete full.content;
  return Object.fromEntries(wanted.filter((f) => f in full).map((f) => [f, full[f]]));
}

function splitMultipart(body: string, boundary: string): { type: string; body: string }[] {
  const out: { type: string; body: string }[] = [];
  for (const chunk of body.split(`--${boundary}`)) {
    if (chunk.startsWith('--') || chunk.trim() === '') continue;
    const text = chunk.replace(/^\r\n/, '').replace(/\r\n$/, '');
    const split = text.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const type = /content-type:\s*([^\r\n]+)/i.exec(text.slice(0, split))?.[1] ?? '';
    out.push({ type, body: text.slice(split + 4) });
  }
  return out;
}
