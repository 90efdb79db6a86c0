// Dexie at 100,000 complaints and tasks. Writes its figures to bench-results/records.json for
// `npm run bench` to print. IndexedDB here is fake-indexeddb (an in-memory implementation in JS):
// the figures compare queries with each other and across runs; real Chromium IndexedDB differs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { it } from 'vitest';
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

it('measures record queries at 100,000 rows', async () => {
  await db.delete();
  await db.open();
  const figures: { name: string; value: number; unit: string; budget?: number }[] = [];
  const now = Date.parse('2026-11-27T12:00:00Z');

  let t0 = performance.now();
  await seedBulkComplaints(100_000, { now });
  figures.push({ name: 'bulk import of 100,000 complaints', value: performance.now() - t0, unit: 'ms' });
  figures.push({
    name: 'complaints: first page, no filter',
    value: await time(() => listComplaints({}, 'created_desc', 0, 50)),
    unit: 'ms',
    budget: 20,
  });
  figures.push({
    name: 'complaints: filtered page (status new)',
    value: await time(() => listComplaints({ status: ['new'] }, 'created_desc', 0, 50)),
    unit: 'ms',
    budget: 20,
  });
  figures.push({
    name: 'complaints: filtered page (delivery, high, open)',
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
  figures.push({
    name: 'complaints: lookup by customer address',
    value: await time(() => db.complaints.where('customerEmail').equals(customer).toArray()),
    unit: 'ms',
    budget: 5,
  });
  figures.push({
    name: 'complaints: text search "entrega"',
    value: await time(() => listComplaints({ text: 'entrega' }, 'created_desc', 0, 50)),
    unit: 'ms',
  });

  const listId = 'bench-list';
  await db.lists.put({ id: listId, name: 'Bench', builtIn: null, order: 0, createdAt: now });
  const tasks: Task[] = Array.from({ length: 100_000 }, (_, i) => {
    const title = `${['Llamar', 'Enviar', 'Revisar', 'Call', 'Send', 'Check'][i % 6]} ${['proveedor', 'factura', 'pedido', 'supplier', 'invoice', 'order'][i % 6]} ${i}`;
    return {
      id: `t${i}`,
      listId,
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
  figures.push({ name: 'bulk import of 100,000 tasks', value: performance.now() - t0, unit: 'ms' });
  figures.push({
    name: 'tasks: open and due before now',
    value: await time(() => openTasksDueBefore(now)),
    unit: 'ms',
    budget: 20,
  });
  figures.push({
    name: 'tasks: search "factura"',
    value: await time(() => searchTasks('factura', 50)),
    unit: 'ms',
  });

  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/records.json', JSON.stringify(figures, null, 2));
});
