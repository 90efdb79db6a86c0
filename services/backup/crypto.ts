// A backup leaves the browser for the user's own cloud, so the cloud must not be able to read it.
// The key comes from a passphrase only the user keeps: PBKDF2-HMAC-SHA256 (Web Crypto, built into
// every browser we run in) with OWASP's 600,000 iterations
// (cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#pbkdf2), then AES-256-GCM
// with a fresh 96-bit IV per backup (NIST SP 800-38D §8.2). The header (format, KDF, salt, IV) is the
// additional authenticated data, so editing it makes decryption fail rather than mislead.
// The passphrase itself is never stored: the derived key is kept in this profile as a
// non-extractable CryptoKey, so scheduled backups run unattended and no script can read its bytes.

export const KDF_ITERATIONS = 600_000;
export const MIN_PASSPHRASE = 10;
const FORMAT = 'ops-assistant-backup';

export interface BackupHeader {
  format: typeof FORMAT;
  version: 1;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; iv: string };
  compression: 'gzip';
  createdAt: string;
}

export interface BackupEnvelope extends BackupHeader {
  data: string;
}

export class BackupCryptoError extends Error {
  override readonly name = 'BackupCryptoError';
  constructor(
    readonly kind: 'passphrase' | 'format',
    message: string,
  ) {
    super(message);
  }
}

export function newSalt(): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(16)));
}

export async function deriveKey(
  passphrase: string,
  salt: string,
  iterations = KDF_ITERATIONS,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

function headerBytes(header: BackupHeader): Uint8Array<ArrayBuffer> {
  const { format, version, kdf, cipher, compression, createdAt } = header;
  return new TextEncoder().encode(JSON.stringify({ format, version, kdf, cipher, compression, createdAt }));
}

export async function seal(
  plain: Uint8Array<ArrayBuffer>,
  key: CryptoKey,
  kdf: { salt: string; iterations: number },
  now = new Date(),
): Promise<BackupEnvelope> {
  const header: BackupHeader = {
    format: FORMAT,
    version: 1,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: kdf.iterations, salt: kdf.salt },
    cipher: { name: 'AES-GCM', iv: toBase64(crypto.getRandomValues(new Uint8Array(12))) },
    compression: 'gzip',
    createdAt: now.toISOString(),
  };
  const packed = await gzip(plain);
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: fromBase64(header.cipher.iv), additionalData: headerBytes(header) },
    key,
    packed,
  );
  return { ...header, data: toBase64(new Uint8Array(sealed)) };
}

/** Reads and checks an envelope's header from the stored text. */
export function parseEnvelope(text: string): BackupEnvelope {
  let value: Partial<BackupEnvelope>;
  try {
    value = JSON.parse(text) as Partial<BackupEnvelope>;
  } catch {
    throw new BackupCryptoError('format', 'Not an Ops Assistant backup (not JSON)');
  }
  if (value.format !== FORMAT || value.version !== 1)
    throw new BackupCryptoError('format', 'Not an Ops Assistant backup, or from a newer version');
  if (
    value.kdf?.name !== 'PBKDF2' ||
    typeof value.kdf.salt !== 'string' ||
    !Number.isInteger(value.kdf.iterations) ||
    value.cipher?.name !== 'AES-GCM' ||
    typeof value.cipher.iv !== 'string' ||
    typeof value.data !== 'string'
  )
    throw new BackupCryptoError('format', 'The backup file is damaged (header)');
  return value as BackupEnvelope;
}

export async function open(envelope: BackupEnvelope, key: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  let packed: ArrayBuffer;
  try {
    packed = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: fromBase64(envelope.cipher.iv),
        additionalData: headerBytes(envelope),
      },
      key,
      fromBase64(envelope.data),
    );
  } catch {
    // GCM cannot tell a wrong key from altered bytes; a wrong passphrase is by far the likelier.
    throw new BackupCryptoError('passphrase', 'Wrong passphrase, or the backup was altered');
  }
  return gunzip(new Uint8Array(packed));
}

async function pipe(
  data: Uint8Array<ArrayBuffer>,
  stream: GenericTransformStream,
): Promise<Uint8Array<ArrayBuffer>> {
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(data);
      controller.close();
    },
  });
  const out = new Response(source.pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

const gzip = (data: Uint8Array<ArrayBuffer>) => pipe(data, new CompressionStream('gzip'));
const gunzip = (data: Uint8Array<ArrayBuffer>) => pipe(data, new DecompressionStream('gzip'));

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
