import Papa from 'papaparse';
import { db, type Contact } from './db';
import { isEmailAddress } from '../email-address';

// The staff directory: people the scheduler can invite and whose calendars it reads. Staff are
// contacts of kind 'staff'; the email is unique across the table (Dexie index `&email`).

export type StaffProvider = 'google' | 'microsoft';

export interface StaffInput {
  name: string;
  email: string;
  role: string;
  provider: StaffProvider | null;
  /** Defaults to the address, which is the calendar id of a person's main calendar on both providers. */
  calendarId: string | null;
}

export type StaffProblem = 'missing-name' | 'bad-email' | 'duplicate' | 'bad-provider';

export class StaffError extends Error {
  constructor(
    readonly code: StaffProblem,
    readonly value = '',
  ) {
    super(`${code}${value ? `: ${value}` : ''}`);
  }
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export function staffProblem(input: StaffInput): StaffError | null {
  if (!input.name.trim()) return new StaffError('missing-name');
  if (!isEmailAddress(input.email)) return new StaffError('bad-email', input.email.trim());
  return null;
}

function toContact(input: StaffInput, id: string): Contact {
  const email = normaliseEmail(input.email);
  return {
    id,
    kind: 'staff',
    name: input.name.trim(),
    email,
    role: input.role.trim(),
    provider: input.provider,
    calendarId: input.calendarId?.trim() || email,
  };
}

export async function listStaff(): Promise<Contact[]> {
  const staff = await db.contacts.where('kind').equals('staff').toArray();
  return staff.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Adds (no `id`) or updates a staff entry. Throws StaffError: a second person with the same address
 * is refused; a customer contact with that address becomes staff instead of being duplicated.
 */
export async function saveStaff(input: StaffInput, id?: string): Promise<Contact> {
  const problem = staffProblem(input);
  if (problem) throw problem;
  return db.transaction('rw', db.contacts, async () => {
    const email = normaliseEmail(input.email);
    const holder = await db.contacts.where('email').equals(email).first();
    if (holder && holder.id !== id && holder.kind === 'staff') throw new StaffError('duplicate', email);
    if (holder && holder.id !== id) {
      // Promote the customer record; drop the entry being edited so the address stays unique.
      if (id) await db.contacts.delete(id);
      const contact = toContact(input, holder.id);
      await db.contacts.put(contact);
      return contact;
    }
    const contact = toContact(input, id ?? crypto.randomUUID());
    await db.contacts.put(contact);
    return contact;
  });
}

export function deleteStaff(id: string): Promise<void> {
  return db.contacts.delete(id);
}

export interface CsvRowError {
  /** Line in the file (the header is line 1). */
  line: number;
  code: StaffProblem;
  value: string;
}

export interface StaffImport {
  added: number;
  updated: number;
  errors: CsvRowError[];
}

const COLUMNS: Record<string, keyof StaffInput> = {
  name: 'name',
  nombre: 'name',
  email: 'email',
  'e-mail': 'email',
  correo: 'email',
  role: 'role',
  rol: 'role',
  cargo: 'role',
  provider: 'provider',
  proveedor: 'provider',
  calendar: 'calendarId',
  calendarid: 'calendarId',
  calendario: 'calendarId',
};

function provider(value: string): StaffProvider | null | undefined {
  const v = value.trim().toLowerCase();
  if (!v) return null;
  if (v === 'google' || v === 'gmail') return 'google';
  if (['microsoft', 'outlook', 'office365', 'microsoft365', 'm365'].includes(v.replace(/\s+/g, '')))
    return 'microsoft';
  return undefined;
}

/**
 * Imports staff from CSV with a header row (name,email,role,provider,calendar; English or Spanish
 * names, any order). Good rows are added, or update the staff entry with the same address; bad rows
 * are reported by line and change nothing. Throws Error('no-header') when name or email columns
 * are missing.
 */
export async function importStaffCsv(text: string): Promise<StaffImport> {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header, ...rows] = parsed.data;
  const fields = (header ?? []).map((h) => COLUMNS[h.trim().toLowerCase()]);
  if (!fields.includes('name') || !fields.includes('email')) throw new Error('no-header');

  const errors: CsvRowError[] = [];
  const good: StaffInput[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const line = i + 2;
    const cell = (field: keyof StaffInput) => row[fields.indexOf(field)]?.trim() ?? '';
    const p = provider(cell('provider'));
    if (p === undefined) {
      errors.push({ line, code: 'bad-provider', value: cell('provider') });
      return;
    }
    const input: StaffInput = {
      name: cell('name'),
      email: cell('email'),
      role: cell('role'),
      provider: p,
      calendarId: cell('calendarId') || null,
    };
    const problem = staffProblem(input);
    if (problem) {
      errors.push({ line, code: problem.code, value: problem.value || cell('name') });
      return;
    }
    const email = normaliseEmail(input.email);
    if (seen.has(email)) {
      errors.push({ line, code: 'duplicate', value: email });
      return;
    }
    seen.add(email);
    good.push(input);
  });

  let added = 0;
  let updated = 0;
  await db.transaction('rw', db.contacts, async () => {
    for (const input of good) {
      const holder = await db.contacts.where('email').equals(normaliseEmail(input.email)).first();
      await db.contacts.put(toContact(input, holder?.id ?? crypto.randomUUID()));
      if (holder) updated++;
      else added++;
    }
  });
  return { added, updated, errors };
}
