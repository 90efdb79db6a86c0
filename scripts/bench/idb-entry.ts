// Bundled for the in-browser records benchmark (scripts/bench/idb.ts): the same query code the
// extension runs, on Chromium's real IndexedDB in a plain page.
import { db, searchWords, type Task } from '../../services/db/db';
import { seedBulkComplaints, bulkCustomer } from '../../services/complaints/seed-bulk';
import { listComplaints } from '../../services/complaints/query';
import { openTasksDueBefore } from '../../services/db/tasks';
import { searchTasks } from '../../services/tasks/views';

async function time(fn: () => Promise<unknown>, runs = 7): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

async function run(): Promise<{ name: string; value: number; unit: string; budget?: number }[]> {
  await db.delete();
  await db.open();
  const out: { name: string; value: number; unit: string; budget?: number }[] = [];
  const now = Date.parse('2026-11-27T12:00:00Z');
  let t0 = performance.now();
  await seedBulkComplaints(100_000, { now });
  out.push({ name: 'bulk import of 100,000 complaints', value: performance.now() - t0, unit: 'ms' });
  out.push({
    name: 'complaints: first page, no filter',
    value: await time(() => listComplaints({}, 'created_desc', 0, 50)),
    unit: 'ms',
    budget: 20,
  });
  out.push({
    name: 'complaints: filtered page (status new)',
    value: await time(() => listComplaints({ status: ['new'] }, 'created_desc', 0, 50)),
    unit: 'ms',
    budget: 20,
  });
  out.push({
    name: 'complaints: filtered page (delivery, high, open, by due)',
    value: await time(() =>
      listComplaints(
        { category: 'delivery', severity: 'high', status: ['new', 'in_progress'] },
        'due',
        0,
        50,
      ),
    ),
    unit: 'ms',
    budget: 20,
  });
  const customer = bulkCustomer(1234).email;
  out.push({
    name: 'complaints: lookup by customer address',
    value: await time(() => db.complaints.where('customerEmail').equals(customer).toArray()),
    unit: 'ms',
    budget: 5,
  });
  out.push({
    name: 'complaints: text search "entrega"',
    value: await time(() => listComplaints({ text: 'entrega' }, 'created_desc', 0, 50)),
    unit: 'ms',
  });
  const tasks: Task[] = Array.from({ length: 100_000 }, (_, i) => {
    const title = `${['Llamar', 'Enviar', 'Revisar', 'Call', 'Send', 'Check'][i % 6]} ${['proveedor', 'factura', 'pedido', 'supplier', 'invoice', 'order'][i % 6]} ${i}`;
    return {
      id: `t${i}`,
      listId: 'bench',
      title,
      notes: '',
      dueAt: now + ((i % 400) - 200) * 3_600_000,
      dueAllDay: false,
      remindAt: null,
      priority: 'normal',
      status: i % 3 === 0 ? 'done' : 'open',
      link: null,
      order: i,
      createdAt: now - i * 60_000,
      completedAt: null,
      words: searchWords(title),
    };
  });
  t0 = performance.now();
  for (let i = 0; i < tasks.length; i += 5000) await db.tasks.bulkAdd(tasks.slice(i, i + 5000));
  out.push({ name: 'bulk import of 100,000 tasks', value: performance.now() - t0, unit: 'ms' });
  out.push({
    name: 'tasks: every open task due within the hour (~33,000 rows)',
    value: await time(() => openTasksDueBefore(now + 3_600_000).then((r) => r.slice(-50))),
    unit: 'ms',
  });
  out.push({
    name: 'tasks: search "factura" (first 50)',
    value: await time(() => searchTasks('factura', 50)),
    unit: 'ms',
  });
  return out;
}

(globalThis as unknown as { runBench: typeof run }).runBench = run;
