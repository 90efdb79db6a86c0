import { db, type Complaint, type LedgerEntry, type OutboxItem, type Task } from '../db/db';
import { CREATE, type BookingPayload, type BookingResult } from '../scheduling/bookings';

// A one-page brief for a booked meeting: who, when, where, what the thread was about, and what is open
// with that customer — complaints, tasks and invoices — read from the local records. Bookings are the
// outbox's calendar:create items that reached the calendar (status done).

export interface BookedMeeting {
  /** The booking's outbox id. */
  id: string;
  title: string;
  start: string;
  end: string;
  timeZone: string;
  threadKey: string;
  threadUrl: string;
  customer: BookingPayload['customer'];
}

export interface MeetingBrief {
  meeting: BookedMeeting;
  attendees: { name: string; email: string }[];
  /** Place, phone or the Meet / Teams link. */
  where: string | null;
  /** What the thread was about: the complaint's summary, else the booking's own description. */
  summary: string;
  complaints: Pick<Complaint, 'id' | 'subject' | 'status' | 'summary' | 'dueAt'>[];
  tasks: Pick<Task, 'id' | 'title' | 'dueAt' | 'status'>[];
  invoices: Pick<LedgerEntry, 'id' | 'number' | 'total' | 'currency' | 'status' | 'dueDate'>[];
}

function meetingOf(item: OutboxItem): BookedMeeting {
  const p = item.payload as BookingPayload;
  return {
    id: item.id,
    title: p.event.title,
    start: p.event.start,
    end: p.event.end,
    timeZone: p.event.timeZone,
    threadKey: p.threadKey,
    threadUrl: p.threadUrl,
    customer: p.customer,
  };
}

/** Meetings booked from threads, soonest first; past ones after `since` are kept (a brief for minutes). */
export async function bookedMeetings(since = 0): Promise<BookedMeeting[]> {
  const done = await db.outbox.where('status').equals('done').toArray();
  return done
    .filter((i) => i.kind === CREATE)
    .map(meetingOf)
    .filter((m) => Date.parse(m.end) >= since)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

export async function meetingBrief(id: string): Promise<MeetingBrief | null> {
  const item = await db.outbox.get(id);
  if (!item || item.kind !== CREATE) return null;
  const p = item.payload as BookingPayload;
  const result = item.result as BookingResult | null;
  const email = p.customer.email.toLowerCase();
  const [complaints, tasks, ledger] = await Promise.all([
    db.complaints.where('customerEmail').equals(p.customer.email).toArray(),
    db.tasks.where('link.ref').equals(p.threadKey).toArray(),
    db.ledger.toArray(),
  ]);
  const threadComplaint = await db.complaints.where('threadKey').equals(p.threadKey).first();
  const allComplaints = [...complaints];
  if (threadComplaint && !allComplaints.some((c) => c.id === threadComplaint.id))
    allComplaints.push(threadComplaint);
  const complaintIds = new Set(allComplaints.map((c) => c.id));
  const complaintTasks = complaintIds.size
    ? await db.tasks
        .where('link.ref')
        .anyOf([...complaintIds])
        .toArray()
    : [];
  const open = (t: Task) => t.status === 'open';
  return {
    meeting: meetingOf(item),
    attendees: p.event.attendees.map((a) => ({ name: a.name ?? '', email: a.email })),
    where: result?.joinUrl ?? p.event.location ?? null,
    summary: threadComplaint?.summary || p.event.description.split('\n')[0] || '',
    complaints: allComplaints
      .filter((c) => c.status !== 'closed')
      .map(({ id: cid, subject, status, summary, dueAt }) => ({ id: cid, subject, status, summary, dueAt })),
    tasks: [...tasks, ...complaintTasks]
      .filter(open)
      .map(({ id: tid, title, dueAt, status }) => ({ id: tid, title, dueAt, status })),
    invoices: ledger
      .filter((e) => e.threadKey === p.threadKey || e.supplierEmail === email)
      .filter((e) => e.status !== 'paid')
      .map(({ id: lid, number, total, currency, status, dueDate }) => ({
        id: lid,
        number,
        total,
        currency,
        status,
        dueDate,
      })),
  };
}
