import { db, type Complaint, type ComplaintStatus, type Severity } from '../db/db';
import { complaintWords } from '../db/complaints';
import { BUILT_IN_CATEGORIES } from './settings';

// Synthetic complaints for the 100,000-record list test and the benchmark. Record i is a pure
// function of (i, now), so a test can rebuild the expected rows without reading the database.
// Due dates here are calendar approximations, not business time: seeding must stay fast.

const DAY = 86_400_000;
const FIRST = ['lucia', 'carlos', 'maria', 'john', 'emma', 'javier', 'sofia', 'peter', 'ana', 'david'];
const LAST = ['garcia', 'perez', 'smith', 'lopez', 'brown', 'martin', 'jones', 'ruiz'];
export const BULK_CUSTOMERS = 4000;

const TEXT: Record<(typeof BUILT_IN_CATEGORIES)[number], [es: string, en: string]> = {
  product: ['El producto llegó roto y no funciona', 'The product arrived broken and does not work'],
  delivery: [
    'El pedido no ha llegado todavía, retraso en la entrega',
    'The order has not arrived yet, late delivery',
  ],
  billing: ['Me cobraron dos veces la misma factura', 'I was charged twice on the same invoice'],
  service: ['Nadie contesta el teléfono de atención al cliente', 'Nobody answers the customer service phone'],
  staff: ['El dependiente fue muy grosero conmigo', 'The shop assistant was very rude to me'],
  other: ['Tengo una queja sobre la tienda', 'I have a complaint about the shop'],
};

/** Deterministic 0..1 draws for record i (mulberry32 seeded by i). */
function draws(i: number): () => number {
  let a = (i * 2654435761) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(r: number, weighted: [T, number][]): T {
  let acc = 0;
  for (const [value, weight] of weighted) if (r < (acc += weight)) return value;
  return weighted.at(-1)![0];
}

export function bulkCustomer(n: number): { name: string; email: string } {
  const first = FIRST[n % FIRST.length]!;
  const last = LAST[Math.floor(n / FIRST.length) % LAST.length]!;
  return { name: `${first} ${last}`, email: `${first}.${last}${n}@example.com` };
}

export function bulkComplaint(i: number, now: number): Complaint {
  const r = draws(i);
  const category = BUILT_IN_CATEGORIES[Math.floor(r() * BUILT_IN_CATEGORIES.length)]!;
  const severity = pick<Severity>(r(), [
    ['critical', 0.05],
    ['high', 0.2],
    ['medium', 0.5],
    ['low', 0.25],
  ]);
  const status = pick<ComplaintStatus>(r(), [
    ['new', 0.1],
    ['in_progress', 0.1],
    ['waiting_customer', 0.05],
    ['resolved', 0.25],
    ['closed', 0.5],
  ]);
  const spanish = r() < 0.6;
  const customer = bulkCustomer(Math.floor(r() * BULK_CUSTOMERS));
  const createdAt = now - Math.floor(r() * 365 * DAY);
  const text = TEXT[category][spanish ? 0 : 1];
  const orderRef = `P-${10000 + ((i * 7919) % 90000)}`;
  const answered = status !== 'new';
  const done = status === 'resolved' || status === 'closed';
  const complaint: Complaint = {
    id: `bulk-${String(i).padStart(6, '0')}`,
    threadKey: `${i % 2 ? 'outlook' : 'gmail'}:bulk${i}`,
    threadUrl: `https://mail.google.com/mail/u/0/#inbox/bulk${i}`,
    channel: i % 2 ? 'outlook' : 'gmail',
    customerName: customer.name,
    customerEmail: customer.email,
    subject: `${text} (${orderRef})`,
    summary: text,
    category,
    severity,
    status,
    orderRef,
    amount: r() < 0.3 ? { value: Math.round(r() * 50000) / 100, currency: 'EUR' } : null,
    language: spanish ? 'es' : 'en',
    assignee: null,
    resolution: '',
    compensation: '',
    firstResponseAt: answered ? createdAt + Math.floor(r() * 2 * DAY) : null,
    resolvedAt: done ? createdAt + Math.floor(r() * 10 * DAY) : null,
    dueAt: status === 'new' ? createdAt + DAY / 3 : done ? null : createdAt + 5 * DAY,
    createdAt,
    updatedAt: createdAt,
    history: [{ at: createdAt, kind: 'created' }],
    seenMessageIds: [],
    taskId: null,
    words: [],
  };
  complaint.words = complaintWords(complaint);
  return complaint;
}

/** Adds `count` synthetic complaints in chunks (one transaction each); returns the count added. */
export async function seedBulkComplaints(
  count = 100_000,
  options: { now?: number; chunk?: number; start?: number } = {},
): Promise<number> {
  const now = options.now ?? Date.now();
  const chunk = options.chunk ?? 5000;
  const start = options.start ?? 0;
  for (let from = start; from < start + count; from += chunk) {
    const rows: Complaint[] = [];
    for (let i = from; i < Math.min(from + chunk, start + count); i++) rows.push(bulkComplaint(i, now));
    await db.complaints.bulkAdd(rows);
  }
  return count;
}
