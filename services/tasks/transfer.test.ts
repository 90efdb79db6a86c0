import Papa from 'papaparse';
import { beforeEach, describe, expect, it } from 'vitest';
import { db, searchWords, type Task, type TaskList } from '../db/db';
import { addTask, setTaskDone } from '../db/tasks';
import { parseQuickTask } from './quick-add';
import { createSeries } from './series';
import { complaintUrl } from '../db/complaints';
import { createList, defaultListId, orderedLists } from '../db/lists';
import { setLocale } from '../i18n';
import {
  importTasksCsv,
  importTasksJson,
  TaskImportError,
  tasksFileName,
  tasksToCsv,
  tasksToJson,
} from './transfer';

const ZONE = 'Europe/Madrid';

beforeEach(async () => {
  setLocale('en');
  await db.delete();
  await db.open();
});

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
const stripExportedAt = (json: string) => ({ ...JSON.parse(json), exportedAt: null });

function seedTasks(lists: TaskList[], count: number): Task[] {
  const base = Date.UTC(2026, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const title = `Task ${i}, "quoted"\nsecond line`;
    const notes = i % 3 ? `notes ${i}` : '';
    return {
      id: `t-${String(i).padStart(5, '0')}`,
      listId: lists[i % lists.length]!.id,
      title,
      notes,
      dueAt: i % 4 ? base + i * 3_600_000 : null,
      dueAllDay: i % 8 === 1,
      remindAt: i % 5 === 0 ? base + i * 60_000 : null,
      priority: (['low', 'normal', 'high'] as const)[i % 3]!,
      status: i % 7 === 0 ? 'done' : 'open',
      link:
        i % 6 === 0
          ? { kind: 'thread', ref: `gmail:${i}`, url: `https://mail.google.com/#inbox/${i}` }
          : null,
      order: i,
      createdAt: base + i,
      completedAt: i % 7 === 0 ? base + i + 1 : null,
      words: searchWords(title, notes),
    };
  });
}

describe('JSON export and import', () => {
  it('round-trips 10,000 tasks and their lists without loss', async () => {
    await defaultListId();
    await createList('Almacén, "norte"');
    const lists = await orderedLists();
    await db.tasks.bulkPut(seedTasks(lists, 10_000));
    const before = await db.tasks.toArray();
    const json = await tasksToJson();

    await db.delete();
    await db.open();
    expect(await importTasksJson(json)).toEqual({ added: 10_000, kept: 0, listsAdded: 4 });
    expect(byId(await db.tasks.toArray())).toEqual(byId(before));
    expect(await orderedLists()).toEqual(lists);
    expect(stripExportedAt(await tasksToJson())).toEqual(stripExportedAt(json));

    // The same file again adds nothing.
    expect(await importTasksJson(json)).toEqual({ added: 0, kept: 10_000, listsAdded: 0 });
    expect(await db.tasks.count()).toBe(10_000);
  });

  it('merges into a browser that has its own default lists, keeping what is stored', async () => {
    await defaultListId();
    const source = await orderedLists();
    const mine = await addTask({ title: 'mine', listId: source[1]!.id });
    const json = await tasksToJson();
    const exported = JSON.parse(json) as { tasks: Task[] };
    exported.tasks[0]!.title = 'changed in the file';

    await db.delete();
    await db.open();
    await defaultListId(); // other ids, same built-in kinds
    const here = await orderedLists();
    const outcome = await importTasksJson(JSON.stringify(exported));
    expect(outcome).toEqual({ added: 1, kept: 0, listsAdded: 0 });
    expect((await db.tasks.get(mine.id))?.listId).toBe(here[1]!.id);
    expect(await db.lists.count()).toBe(3);

    // A stored task is never overwritten by the file.
    await db.tasks.update(mine.id, { title: 'edited here' });
    expect(await importTasksJson(JSON.stringify(exported))).toMatchObject({ added: 0, kept: 1 });
    expect((await db.tasks.get(mine.id))?.title).toBe('edited here');
  });

  it('rejects a file that is not ours with a clear message and changes nothing', async () => {
    await addTask({ title: 'stored' });
    const complaintsExport = JSON.stringify({
      format: 'ops-assistant/complaints',
      version: 1,
      complaints: [],
    });
    await expect(importTasksJson(complaintsExport)).rejects.toThrow(/not an Ops Assistant task export/);
    await expect(importTasksJson('<html>')).rejects.toThrow(/not JSON/);
    await expect(
      importTasksJson(JSON.stringify({ format: 'ops-assistant/tasks', version: 2 })),
    ).rejects.toThrow(/newer version/);
    const bad = JSON.parse(await tasksToJson()) as { tasks: Record<string, unknown>[] };
    bad.tasks[0]!.link = { kind: 'thread', ref: 'x', url: 'javascript:alert(1)' };
    await expect(importTasksJson(JSON.stringify(bad))).rejects.toThrow(TaskImportError);
    await expect(importTasksJson(JSON.stringify(bad))).rejects.toThrow(
      'The file has invalid entries, so nothing was imported: task 1: the link is neither the web address of a mail thread nor a complaint of this extension',
    );
    bad.tasks[0]!.link = null;
    bad.tasks[0]!.priority = 'urgent';
    setLocale('es');
    // In the UI language, naming the field as the screen does; nothing of the file or the schema.
    await expect(importTasksJson(JSON.stringify(bad))).rejects.toThrow(
      'El archivo tiene entradas no válidas, así que no se ha importado nada: tarea 1: el campo «prioridad» falta o no es válido',
    );
    expect((await db.tasks.toArray()).map((t) => t.title)).toEqual(['stored']);
  });

  it('round-trips tasks linked to complaints and threads, and re-points complaint pages to this install', async () => {
    const complaint = await addTask({
      title: 'Answer Ana',
      link: {
        kind: 'complaint',
        ref: 'c/1 ñ',
        url: complaintUrl('c/1 ñ'),
        label: 'Pedido 42 roto',
      },
    });
    const thread = await addTask({
      title: 'Follow up',
      link: {
        kind: 'thread',
        ref: 'outlook:AAQk=',
        url: 'https://outlook.office.com/mail/id/AAQk%3D',
        label: 'Re: cita',
      },
    });
    const bare = await addTask({ title: 'bare', link: { kind: 'complaint', ref: 'c-2' } });
    const before = await db.tasks.toArray();
    const json = await tasksToJson();

    await db.delete();
    await db.open();
    expect(await importTasksJson(json)).toEqual({ added: 3, kept: 0, listsAdded: 3 });
    expect(byId(await db.tasks.toArray())).toEqual(byId(before));

    // Another install has another extension id: the link opens this install's page of that complaint.
    const other = JSON.parse(json) as { tasks: Task[] };
    const fromElsewhere = complaintUrl('c/1 ñ').replace(/^[a-z-]+:\/\/[^/]+/, 'moz-extension://4b1d-other');
    other.tasks.find((t) => t.id === complaint.id)!.link!.url = fromElsewhere;
    await db.tasks.clear();
    await importTasksJson(JSON.stringify(other));
    expect((await db.tasks.get(complaint.id))?.link).toEqual(complaint.link);
    expect((await db.tasks.get(thread.id))?.link).toEqual(thread.link);
    expect((await db.tasks.get(bare.id))?.link).toEqual({ kind: 'complaint', ref: 'c-2' });
  });

  it('round-trips a repeating task with its series and assignee, and the series goes on after import', async () => {
    const now = Date.UTC(2026, 10, 25, 7);
    const parsed = parseQuickTask('Revisar inventario cada lunes a las 9:00', new Date(now), { zone: ZONE });
    const first = await createSeries(
      {
        title: parsed.title,
        listId: await defaultListId(),
        anchor: parsed.recurrence!,
        assignee: 'ana@example.com',
      },
      now,
      parsed.dueAt!,
    );
    const [tasksBefore, seriesBefore] = [await db.tasks.toArray(), await db.series.toArray()];
    const json = await tasksToJson();

    await db.delete();
    await db.open();
    expect(await importTasksJson(json)).toMatchObject({ added: 1, kept: 0 });
    expect(byId(await db.tasks.toArray())).toEqual(byId(tasksBefore));
    expect(await db.series.toArray()).toEqual(seriesBefore);
    expect(await db.tasks.get(first.id)).toMatchObject({
      seriesId: first.seriesId,
      assignee: 'ana@example.com',
    });

    // Completing the imported occurrence makes the next one, a week later, as before the move.
    await setTaskDone(first.id, true);
    const open = (await db.tasks.where('seriesId').equals(first.seriesId!).toArray()).filter(
      (t) => t.status === 'open',
    );
    expect(open).toHaveLength(1);
    expect(open[0]!.dueAt! - first.dueAt!).toBe(7 * 24 * 3_600_000);
  });

  it('refuses links that point anywhere else', async () => {
    const task = await addTask({ title: 'x' });
    const file = JSON.parse(await tasksToJson()) as { tasks: Record<string, unknown>[] };
    const refused = [
      { kind: 'thread', ref: 'gmail:1', url: 'data:text/html,hi' },
      { kind: 'thread', ref: 'gmail:1', url: 'not a url' },
      { kind: 'complaint', ref: 'c-1', url: 'https://evil.example/dashboard.html#/complaints/c-1' },
      // A complaint page that is not the complaint the link names.
      { kind: 'complaint', ref: 'c-1', url: complaintUrl('c-2') },
      { kind: 'complaint', ref: 'c-1', url: `${complaintUrl('c-1')}/../options.html` },
      { kind: 'invoice', ref: 'i-1' },
      { kind: 'thread', ref: '' },
    ];
    for (const link of refused) {
      file.tasks[0]!.link = link;
      await expect(importTasksJson(JSON.stringify(file)), JSON.stringify(link)).rejects.toThrow(
        /task 1: the link/,
      );
    }
    expect(await db.tasks.count()).toBe(1);
    expect((await db.tasks.get(task.id))?.link).toBeNull();
  });
});

it('names export files by the local date, not the UTC one', () => {
  const halfPastMidnightInMadrid = Date.UTC(2026, 11, 31, 23, 30);
  expect(tasksFileName('csv', halfPastMidnightInMadrid, ZONE)).toBe('tasks-2027-01-01.csv');
  expect(tasksFileName('json', halfPastMidnightInMadrid, 'America/Mexico_City')).toBe(
    'tasks-2026-12-31.json',
  );
});

describe('CSV export and import', () => {
  it('round-trips commas, quotes, newlines, formula-looking text, links and all-day dates', async () => {
    await defaultListId();
    const shop = await createList('Tienda, centro');
    const tricky = await addTask({
      title: 'Call "Bob", then Ana',
      notes: 'line 1\nline 2, with comma\r\n"quoted"',
      listId: shop.id,
      dueAt: Date.UTC(2026, 10, 28, 9, 0), // 10:00 in Madrid
      remindAt: Date.UTC(2026, 10, 28, 8, 30),
      priority: 'high',
      link: {
        kind: 'thread',
        ref: 'gmail:abc',
        url: 'https://mail.google.com/#inbox/abc',
        label: 'Pedido, 42',
      },
    });
    const formula = await addTask({ title: '=HYPERLINK("http://x")', notes: '+34 600 000 000' });
    const allDay = await addTask({ title: 'all day', dueAt: Date.UTC(2026, 11, 31, 8, 0), dueAllDay: true });
    const complaint = await addTask({ title: 'complaint', link: { kind: 'complaint', ref: 'c-1' } });
    await db.tasks.update(complaint.id, { status: 'done', completedAt: Date.UTC(2026, 0, 2) });
    const before = await db.tasks.toArray();

    const csv = await tasksToCsv(ZONE);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain(',2026-12-31,Yes,');
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true }).data;
    expect(rows.find((r) => r.ID === tricky.id)).toMatchObject({
      Notes: tricky.notes,
      Priority: 'High',
      priority_code: 'high',
      Status: 'Open',
      status_code: 'open',
    });

    await db.tasks.clear();
    expect(await importTasksCsv(csv, ZONE)).toEqual({ added: 4, kept: 0, listsAdded: 0 });
    expect(byId(await db.tasks.toArray())).toEqual(byId(before));
    expect((await db.tasks.get(formula.id))?.title).toBe('=HYPERLINK("http://x")');
    expect((await db.tasks.get(allDay.id))?.dueAllDay).toBe(true);
    expect(await importTasksCsv(csv, ZONE)).toEqual({ added: 0, kept: 4, listsAdded: 0 });
  });

  it('writes headers and values in the UI language, codes apart, and reads either language back', async () => {
    const task = await addTask({ title: 'Pagar IVA', priority: 'high', dueAt: Date.UTC(2026, 10, 28, 9, 0) });
    await db.tasks.update(task.id, { status: 'done', completedAt: Date.UTC(2026, 10, 28, 10, 0) });
    const before = await db.tasks.toArray();
    setLocale('es');
    const spanish = await tasksToCsv(ZONE);
    expect(spanish.split('\r\n')[0]).toBe(
      '\ufeffID,Título,Notas,Lista,Vence,Todo el día,Recordatorio,Prioridad,priority_code,Estado,status_code,Enlace,Creada,Completada,Orden',
    );
    const [row] = Papa.parse<Record<string, string>>(spanish.slice(1), { header: true }).data;
    expect(row).toMatchObject({
      Prioridad: 'Alta',
      priority_code: 'high',
      Estado: 'Hecha',
      status_code: 'done',
    });
    // A Spanish export read in the English UI, without its code columns (a spreadsheet user may
    // delete them): the localised words are enough.
    setLocale('en');
    const withoutCodes = Papa.unparse(
      Papa.parse<Record<string, string>>(spanish.slice(1), { header: true }).data.map(
        ({ priority_code: _p, status_code: _s, ...rest }) => rest,
      ),
    );
    await db.tasks.clear();
    expect(await importTasksCsv(withoutCodes, ZONE)).toMatchObject({ added: 1 });
    expect(byId(await db.tasks.toArray())).toEqual(byId(before));
  });

  it('imports hand-made rows without ids, matching title + due + list, creating unknown lists', async () => {
    await defaultListId();
    const csv = [
      'title,list,due,priority,status',
      'Llamar al gestor,Hoy,2026-11-28T10:00,alta,',
      'Revisar stock,Almacén,28/11/2026,,pendiente',
      'Llamar al gestor,Hoy,2026-11-28T10:00,alta,',
    ].join('\n');
    expect(await importTasksCsv(csv, ZONE, Date.UTC(2026, 10, 1))).toEqual({
      added: 2,
      kept: 1,
      listsAdded: 1,
    });
    const lists = await orderedLists();
    expect(lists.map((l) => l.name)).toContain('Almacén');
    const stock = (await db.tasks.toArray()).find((t) => t.title === 'Revisar stock')!;
    expect(stock).toMatchObject({ dueAllDay: true, priority: 'normal', status: 'open' });
    expect(new Date(stock.dueAt!).toISOString()).toBe('2026-11-28T08:00:00.000Z');
    expect(await importTasksCsv(csv, ZONE)).toEqual({ added: 0, kept: 3, listsAdded: 0 });
  });

  it('rejects a CSV that is not ours, and a bad row, writing nothing', async () => {
    await addTask({ title: 'stored' });
    await expect(importTasksCsv('name,email\nAna,ana@example.com', ZONE)).rejects.toThrow(
      /needs a “title” column/,
    );
    const badRow =
      'title,due,link\nok,2026-01-01,\nbroken,next tuesday,\n,2026-01-02,\nlinked,,javascript:alert(1)';
    await expect(importTasksCsv(badRow, ZONE)).rejects.toThrow(
      /row 3: “next tuesday” is not a valid due date; row 4: the title is empty; row 5: the link is neither/,
    );
    expect((await db.tasks.toArray()).map((t) => t.title)).toEqual(['stored']);
  });
});
