import type { ServerResponse } from 'node:http';
import type { Route, SandboxRequest } from './http';
import { sendGoogleError } from './google';
import { bearerToken, compileEndpoints, findEndpoint, randomId, sendEmpty, type Endpoint } from './routing';
import { sendJson } from './http';
import type { SandboxState } from './state';

// Google Drive API v3, only the application data folder the backup uses, as documented:
// - "Store application-specific data" (developers.google.com/workspace/drive/api/guides/appdata)
// - "Upload file data" (…/guides/manage-uploads): multipart for "a small file (5 MB or less)";
//   resumable (#resumable) — the first POST answers 200 with the session URI in Location; PUTs to it
//   carry the file whole or in chunks ("a multiple of 256 KB … except the final chunk", with
//   Content-Range: bytes a-b/total), answered 308 Resume Incomplete with Range: bytes=0-N until the
//   last, then 200 with the file; `Content-Range: bytes */total` asks the status the same way.
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

interface UploadSession {
  meta: { name?: string; parents?: string[]; mimeType?: string };
  fields: string | null;
  total: number | null;
  received: Buffer;
  file: DriveFile | null;
}

export interface DriveStore {
  files: DriveFile[];
  uploads?: Record<string, UploadSession>;
}

export function driveStore(state: SandboxState): DriveStore {
  return (state.clouds.drive ??= { files: [] }) as DriveStore;
}

/** "Multipart upload … a small file (5 MB or less)". */
export const MULTIPART_MAX_BYTES = 5 * 1024 * 1024;
const CHUNK_UNIT = 256 * 1024;

export function driveRoutes(state: SandboxState): Route {
  const api = compileEndpoints(driveEndpoints(state));
  const upload = compileEndpoints([
    { method: 'POST', pattern: 'files', handle: (req, res) => create(state, req, res) },
    { method: 'PUT', pattern: 'files', handle: (req, res) => putSession(state, req, res) },
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
  // Multipart and resumable uploads are emulated; the media upload is not used by the backup.
  const uploadType = req.url.searchParams.get('uploadType');
  if (uploadType === 'resumable') return startSession(state, req, res);
  if (uploadType !== 'multipart')
    return sendGoogleError(res, 400, 'badRequest', `Unsupported uploadType: ${uploadType ?? '(none)'}`);
  // The documented limit of a multipart upload; what Drive answers past it is not documented, so
  // the sandbox refuses the way an oversized request is refused (413), rather than accept it.
  if (req.bytes.length > MULTIPART_MAX_BYTES + 64 * 1024)
    return sendGoogleError(
      res,
      413,
      'uploadTooLarge',
      'A multipart upload carries 5 MB or less; use a resumable upload',
    );
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
  const meta = readMeta(res, parts[0]?.body ?? '');
  if (!meta) return;
  const file = store(state, meta, parts[1]?.body ?? '', parts[1]?.type);
  sendJson(res, 200, pick(file, req.url.searchParams.get('fields')));
}

/** A file's metadata (JSON), or an error answered and undefined. */
function readMeta(res: ServerResponse, text: string): UploadSession['meta'] | undefined {
  let meta: UploadSession['meta'];
  try {
    meta = (JSON.parse(text) ?? {}) as UploadSession['meta'];
  } catch {
    sendGoogleError(res, 400, 'parseError', 'Parse Error');
    return undefined;
  }
  // "Store application-specific data": files go into the folder by parents: ['appDataFolder'];
  // this sandbox holds nothing else of the user's Drive.
  if (!meta.parents?.includes('appDataFolder')) {
    sendGoogleError(res, 403, 'insufficientPermissions', 'The sandbox Drive holds only appDataFolder files.');
    return undefined;
  }
  return meta;
}

function store(state: SandboxState, meta: UploadSession['meta'], content: string, type?: string): DriveFile {
  const now = new Date().toISOString();
  const file: DriveFile = {
    id: randomId(33, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'),
    name: meta.name ?? 'Untitled',
    mimeType: meta.mimeType ?? type ?? 'application/octet-stream',
    parents: ['appDataFolder'],
    spaces: ['appDataFolder'],
    createdTime: now,
    modifiedTime: now,
    size: String(Buffer.byteLength(content, 'utf8')),
    content,
  };
  driveStore(state).files.push(file);
  return file;
}

/** The first request of a resumable upload: metadata only; the session URI comes back in Location. */
function startSession(state: SandboxState, req: SandboxRequest, res: ServerResponse): void {
  const meta = readMeta(res, req.body || '{}');
  if (!meta) return;
  const declared = req.headers['x-upload-content-length'];
  const id = randomId(40, 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-');
  (driveStore(state).uploads ??= {})[id] = {
    meta,
    fields: req.url.searchParams.get('fields'),
    total: typeof declared === 'string' ? Number(declared) : null,
    received: Buffer.alloc(0),
    file: null,
  };
  const location = `http://${req.headers.host}${DRIVE_UPLOAD_PREFIX}files?uploadType=resumable&upload_id=${id}`;
  res.writeHead(200, { location, 'content-length': '0' });
  res.end();
}

/** A PUT to the session URI: the file whole, a chunk, or (`bytes *\/total`) a status question. */
function putSession(state: SandboxState, req: SandboxRequest, res: ServerResponse): void {
  const id = req.url.searchParams.get('upload_id') ?? '';
  const session = driveStore(state).uploads?.[id];
  // A session that does not exist (or expired) answers 404; the upload starts over.
  if (!session) return sendGoogleError(res, 404, 'notFound', 'Upload session not found.');
  const done = () => sendJson(res, 200, pick(session.file!, session.fields));
  const incomplete = () => {
    const headers: Record<string, string> = { 'content-length': '0' };
    if (session.received.length > 0) headers.range = `bytes=0-${session.received.length - 1}`;
    res.writeHead(308, headers);
    res.end();
  };
  const range = req.headers['content-range'];
  if (typeof range === 'string' && /^bytes \*\/\d+$/.test(range)) return session.file ? done() : incomplete();
  if (session.file) return done();
  let first = 0;
  let total: number;
  if (typeof range === 'string') {
    const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(range);
    if (!m) return sendGoogleError(res, 400, 'badContent', `Invalid Content-Range: ${range}`);
    first = Number(m[1]);
    total = Number(m[3]);
    if (Number(m[2]) - first + 1 !== req.bytes.length)
      return sendGoogleError(res, 400, 'badContent', 'Content-Range does not match the body length');
    // A chunk may overlap what arrived (sent again after a lost answer); it may not leave a gap.
    if (first > session.received.length)
      return sendGoogleError(res, 400, 'badContent', 'Chunk starts past the bytes received');
    const last = Number(m[2]) + 1 === total;
    if (!last && req.bytes.length % CHUNK_UNIT !== 0)
      return sendGoogleError(res, 400, 'badContent', 'Chunk size must be a multiple of 256 KB');
  } else total = req.bytes.length;
  session.total = total;
  session.received = Buffer.concat([session.received.subarray(0, first), req.bytes]);
  if (session.received.length < total) return incomplete();
  session.file = store(state, session.meta, session.received.toString('utf8'));
  done();
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
