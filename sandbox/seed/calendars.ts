import { DateTime } from 'luxon';
import type * as MicrosoftGraph from '@microsoft/microsoft-graph-types';
import { completeGoogleEvent } from '../google';
import { completeGraphEvent } from '../graph';
import type {
  GoogleCalendar,
  GoogleEvent,
  GraphCalendar,
  GraphEvent,
  GraphMailbox,
  SeedData,
} from '../state';

// The demo business: a hardware shop in Madrid. The manager, María López, has a Google Workspace
// calendar (with staff calendars beside it) and a Microsoft 365 mailbox (with colleagues reachable
// through getSchedule). Events are placed on working days counted from "now" so the demo always
// shows a busy fortnight ahead. Ids are fixed so tests can name them.

export const MANAGER_ZONE = 'Europe/Madrid';
export const GOOGLE_MANAGER = 'maria.lopez@demo-ferreteria.es';
export const GOOGLE_STAFF = 'carmen.vidal@demo-ferreteria.es';
export const GOOGLE_WAREHOUSE = 'javier.ruiz@demo-ferreteria.es';
export const GOOGLE_MEETINGS = 'c_9f2d41a7b3e8reuniones@group.calendar.google.com';
export const MS_TENANT = 'demoferreteria.onmicrosoft.com';
export const MS_MANAGER = `maria.lopez@${MS_TENANT}`;
export const MS_STAFF = {
  ana: `ana.garcia@${MS_TENANT}`,
  tom: `tom.baker@${MS_TENANT}`,
  lucia: `lucia.fernandez@${MS_TENANT}`,
};

type Day = (n: number) => DateTime;

/** The n-th working day from today in Madrid (0 = today, or the next Monday at a weekend). */
function workdays(now: Date): Day {
  let day = DateTime.fromJSDate(now, { zone: MANAGER_ZONE }).startOf('day');
  const days: DateTime[] = [];
  while (days.length < 15) {
    if (day.weekday <= 5) days.push(day);
    day = day.plus({ days: 1 });
  }
  return (n) => days[n] ?? days[days.length - 1]!;
}

function at(day: DateTime, hhmm: string, zone = MANAGER_ZONE): DateTime {
  const [h, m] = hhmm.split(':').map(Number);
  return DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour: h, minute: m },
    { zone },
  );
}

const person = (
  email: string,
  displayName?: string,
  extra: Partial<NonNullable<GoogleEvent['attendees']>[number]> = {},
) => ({
  email,
  ...(displayName ? { displayName } : {}),
  ...extra,
});

function googleCalendar(
  id: string,
  summary: string,
  accessRole: string,
  options: { primary?: boolean; inCalendarList?: boolean; color?: string; description?: string } = {},
): GoogleCalendar {
  return {
    entry: {
      kind: 'calendar#calendarListEntry',
      etag: `"${id.length}000"`,
      id,
      summary,
      description: options.description,
      timeZone: MANAGER_ZONE,
      colorId: '14',
      backgroundColor: options.color ?? '#9fe1e7',
      foregroundColor: '#000000',
      selected: true,
      accessRole,
      defaultReminders: accessRole === 'owner' ? [{ method: 'popup', minutes: 10 }] : [],
      ...(options.primary
        ? { primary: true, conferenceProperties: { allowedConferenceSolutionTypes: ['hangoutsMeet'] } }
        : {}),
    },
    inCalendarList: options.inCalendarList ?? true,
    events: [],
  };
}

interface GoogleSeed extends Partial<GoogleEvent> {
  id: string;
  from: DateTime;
  to: DateTime;
  meet?: boolean;
}

function addGoogle(cal: GoogleCalendar, seed: GoogleSeed): void {
  const { from, to, meet, ...fields } = seed;
  const zone = from.zoneName ?? MANAGER_ZONE;
  const body: GoogleEvent = {
    start: { dateTime: from.toISO({ suppressMilliseconds: true }), timeZone: zone },
    end: { dateTime: to.toISO({ suppressMilliseconds: true }), timeZone: zone },
    ...fields,
    ...(meet ? { conferenceData: { createRequest: { requestId: `seed-${seed.id}` } } } : {}),
  };
  cal.events.push(completeGoogleEvent(body, cal, GOOGLE_MANAGER, Boolean(meet)));
}

function addGoogleAllDay(
  cal: GoogleCalendar,
  seed: Omit<GoogleSeed, 'from' | 'to'> & { first: DateTime; days: number },
): void {
  const { first, days, ...fields } = seed;
  const body: GoogleEvent = {
    start: { date: first.toISODate() },
    end: { date: first.plus({ days }).toISODate() },
    ...fields,
  };
  cal.events.push(completeGoogleEvent(body, cal, GOOGLE_MANAGER, false));
}

const LONG_DESCRIPTION = [
  '<b>Formación obligatoria para todo el personal de tienda.</b>',
  'Con el cambio de terminal punto de venta (TPV) a partir del día 1, repasaremos el flujo completo de venta, ' +
    'devoluciones, vales regalo y cierre de caja. Traed vuestras dudas anotadas: la sesión se grabará para quien no pueda asistir.',
  'Agenda:',
  ...[
    'Alta de artículos y lectura de códigos EAN-13 desde la pistola nueva',
    'Ventas con tarjeta, Bizum y efectivo; cobros mixtos',
    'Devoluciones con y sin ticket; política de 30 días',
    'Facturas simplificadas frente a facturas completas para empresas (NIF obligatorio)',
    'Presupuestos para obra y su conversión a pedido',
    'Reservas de material con señal; cómo localizarlas después',
    'Descuentos de profesional y tarifas por volumen',
    'Arqueo: recuento de efectivo, descuadres y a quién avisar',
    'Cierre Z y envío automático a la gestoría',
    'Incidencias frecuentes: impresora de tickets sin papel, datáfono sin conexión, corte de luz',
  ].map((item, i) => `${i + 1}. ${item}`),
  'Material: el manual del proveedor (PDF, 84 páginas) está en la carpeta compartida "TPV 2025". ' +
    'Leed al menos los capítulos 2, 3 y 7 antes de la sesión. Quien termine el cuestionario final con más de un 80 % ' +
    'recibirá la acreditación interna de cajero/a y podrá abrir y cerrar caja sin supervisión.',
  'Recordatorio: ese día la tienda cierra a las 16:45 para que todo el equipo pueda asistir. Colocad el cartel de ' +
    'horario especial en la puerta el día anterior y avisad a los clientes con reservas pendientes de recogida.',
  'Dudas de logística: Javier (almacén). Dudas de cobros y facturación: Carmen. Cualquier otra cosa: María.',
].join('\n\n');

function googleCalendars(day: Day): GoogleCalendar[] {
  const maria = googleCalendar(GOOGLE_MANAGER, GOOGLE_MANAGER, 'owner', { primary: true });
  const carmen = googleCalendar(GOOGLE_STAFF, 'Carmen Vidal', 'reader', {
    color: '#f691b2',
    description: 'Atención al cliente',
  });
  const javier = googleCalendar(GOOGLE_WAREHOUSE, 'Javier Ruiz', 'freeBusyReader', { inCalendarList: false });
  const rooms = googleCalendar(GOOGLE_MEETINGS, 'Reuniones', 'writer', {
    color: '#b99aff',
    description: 'Sala de reuniones de la tienda',
  });
  const team = [person(GOOGLE_STAFF, 'Carmen Vidal'), person(GOOGLE_WAREHOUSE, 'Javier Ruiz')];
  const me = (responseStatus = 'accepted') =>
    person(GOOGLE_MANAGER, 'María López', { self: true, organizer: true, responseStatus });

  for (const n of [0, 1, 5, 7]) {
    addGoogle(maria, {
      id: `seedstandup${n}`,
      summary: 'Reunión diaria de equipo',
      from: at(day(n), '09:00'),
      to: at(day(n), '09:30'),
      attendees: [me(), ...team],
      meet: true,
    });
  }
  addGoogle(maria, {
    id: 'seedbricomart',
    summary: 'Revisión de pedidos con proveedor Bricomart',
    from: at(day(0), '09:30'),
    to: at(day(0), '10:30'),
    location: 'Oficina de la tienda, C/ Alcalá 212, Madrid',
    attendees: [me(), person('compras@bricomart-demo.es', 'Compras Bricomart')],
  });
  addGoogle(maria, {
    id: 'seedmiramar',
    summary: 'Llamada con cliente: Hotel Miramar (pedido 4471)',
    from: at(day(0), '16:00'),
    to: at(day(0), '17:00'),
    description: 'Revisar el retraso del pedido 4471 (grifería de las habitaciones 201-230).',
    attendees: [me(), person('reservas@hotelmiramar-demo.es', 'Hotel Miramar')],
  });
  // Overlaps the Microsoft "Comité de compras" (12:30-13:30) so the agenda shows a cross-calendar conflict.
  addGoogle(maria, {
    id: 'seedobramayor',
    summary: 'Visita técnica obra C/ Mayor 12',
    from: at(day(1), '12:00'),
    to: at(day(1), '13:00'),
    location: 'C/ Mayor 12, Madrid',
  });
  addGoogle(maria, {
    id: 'seedentrevista',
    summary: 'Entrevista candidato dependiente',
    from: at(day(2), '10:00'),
    to: at(day(2), '11:00'),
    attendees: [me(), person(GOOGLE_STAFF, 'Carmen Vidal')],
  });
  addGoogle(maria, {
    id: 'seedentregaperez',
    summary: 'Entrega de material — Construcciones Pérez',
    from: at(day(2), '10:30'),
    to: at(day(2), '11:30'),
    location: 'Almacén',
  });
  addGoogleAllDay(maria, {
    id: 'seedrebajas',
    summary: 'Semana de rebajas en tienda',
    first: day(2),
    days: 3,
    transparency: 'transparent',
  });
  addGoogle(maria, { id: 'seednotitle', from: at(day(3), '11:00'), to: at(day(3), '12:00') });
  addGoogle(maria, {
    id: 'seedgestoria',
    summary: 'Reunión con gestoría',
    status: 'cancelled',
    from: at(day(3), '15:00'),
    to: at(day(3), '16:00'),
  });
  addGoogle(maria, {
    id: 'seedformaciontpv',
    summary: 'Formación: nuevo TPV y cierre de caja',
    description: LONG_DESCRIPTION,
    from: at(day(4), '17:00'),
    to: at(day(4), '18:30'),
    location: 'Tienda (zona de cajas)',
    attendees: [me(), ...team],
  });
  addGoogle(maria, {
    id: 'seedbolthardware',
    summary: 'Call with Bolt Hardware Ltd (UK supplier)',
    description: 'Agenda: Q3 price list, lead times for the DeWalt range, consignment stock.',
    from: at(day(5), '09:00', 'Europe/London'),
    to: at(day(5), '10:00', 'Europe/London'),
    attendees: [me(), person('james.whitfield@bolthardware-demo.co.uk', 'James Whitfield')],
    meet: true,
  });
  addGoogle(maria, {
    id: 'seedwebinar',
    summary: 'Webinar proveedor: herramientas eléctricas',
    from: at(day(6), '13:30'),
    to: at(day(6), '14:30'),
    organizer: { email: 'eventos@makita-demo.es', displayName: 'Eventos Makita' },
    attendees: [person(GOOGLE_MANAGER, 'María López', { self: true, responseStatus: 'declined' })],
  });
  addGoogle(maria, {
    id: 'seedayuntamiento',
    summary: 'Posible visita: Ayuntamiento (licencia de obras)',
    status: 'tentative',
    from: at(day(6), '16:00'),
    to: at(day(6), '17:00'),
  });
  addGoogle(maria, {
    id: 'seeddentista',
    summary: 'Dentista',
    visibility: 'private',
    from: at(day(8), '18:00'),
    to: at(day(8), '19:00'),
  });
  addGoogle(maria, {
    id: 'seedreclamaciones',
    summary: 'Revisión mensual de reclamaciones',
    from: at(day(9), '11:00'),
    to: at(day(9), '12:00'),
    attendees: [me(), person(GOOGLE_STAFF, 'Carmen Vidal')],
  });

  addGoogle(carmen, {
    id: 'seedcgomez',
    summary: 'Atención reclamación — Sr. Gómez',
    from: at(day(1), '10:00'),
    to: at(day(1), '11:00'),
  });
  addGoogle(carmen, {
    id: 'seedcinventario',
    summary: 'Inventario sección fontanería',
    from: at(day(2), '16:00'),
    to: at(day(2), '18:00'),
  });
  addGoogle(carmen, {
    id: 'seedcvacaciones',
    summary: 'Vacaciones',
    eventType: 'outOfOffice',
    outOfOfficeProperties: { autoDeclineMode: 'declineNone' },
    from: at(day(3), '00:00'),
    to: at(day(3), '00:00').plus({ days: 1 }),
  });
  addGoogle(carmen, {
    id: 'seedcpinturas',
    summary: 'Llamada proveedor pinturas',
    from: at(day(5), '12:00'),
    to: at(day(5), '13:00'),
  });

  for (const n of [1, 4])
    addGoogle(javier, {
      id: `seedjrecepcion${n}`,
      summary: 'Recepción de mercancía',
      from: at(day(n), '08:00'),
      to: at(day(n), '10:00'),
    });
  addGoogle(javier, {
    id: 'seedjruta',
    summary: 'Ruta de entregas',
    from: at(day(2), '15:00'),
    to: at(day(2), '17:00'),
  });

  addGoogle(rooms, {
    id: 'seedrsalailum',
    summary: 'Sala reservada: proveedor de iluminación',
    from: at(day(1), '16:00'),
    to: at(day(1), '17:00'),
  });
  addGoogle(rooms, {
    id: 'seedrsalaseg',
    summary: 'Sala reservada: comité de seguridad',
    from: at(day(3), '10:00'),
    to: at(day(3), '11:30'),
  });
  return [maria, carmen, javier, rooms];
}

function mailbox(
  id: string,
  mail: string,
  displayName: string,
  jobTitle: string,
  zone: { iana: string; windows: string },
  hours: [string, string],
): GraphMailbox {
  const [givenName, ...rest] = displayName.split(' ');
  return {
    user: {
      id,
      displayName,
      givenName,
      surname: rest.join(' '),
      mail,
      userPrincipalName: mail,
      jobTitle,
      officeLocation: zone.iana === 'Europe/London' ? 'London' : 'Madrid',
      preferredLanguage: zone.iana === 'Europe/London' ? 'en-GB' : 'es-ES',
      businessPhones: [],
      mobilePhone: null,
    },
    timeZone: zone.iana,
    workingHours: {
      daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      startTime: `${hours[0]}:00.0000000`,
      endTime: `${hours[1]}:00.0000000`,
      timeZone: { name: zone.windows },
    },
    calendars: [],
  };
}

function graphCalendar(owner: GraphMailbox, id: string, name: string, isDefault: boolean): GraphCalendar {
  const cal: GraphCalendar = {
    calendar: {
      id,
      name,
      color: 'auto',
      hexColor: '',
      isDefaultCalendar: isDefault,
      changeKey: `ck-${id}`,
      canShare: true,
      canViewPrivateItems: true,
      canEdit: true,
      isRemovable: !isDefault,
      isTallyingResponses: true,
      allowedOnlineMeetingProviders: ['teamsForBusiness'],
      defaultOnlineMeetingProvider: 'teamsForBusiness',
      owner: { name: owner.user.displayName ?? '', address: owner.user.mail },
    },
    events: [],
  };
  owner.calendars.push(cal);
  return cal;
}

const MADRID = { iana: MANAGER_ZONE, windows: 'Romance Standard Time' };
const LONDON = { iana: 'Europe/London', windows: 'GMT Standard Time' };

interface GraphSeed extends Partial<GraphEvent> {
  key: string;
  from: DateTime;
  to: DateTime;
  teams?: boolean;
  with?: string[];
}

function addGraph(owner: GraphMailbox, cal: GraphCalendar, seed: GraphSeed): void {
  const { key, from, to, teams, with: invitees = [], ...fields } = seed;
  const zone = from.zoneName === LONDON.iana ? LONDON.windows : MADRID.windows;
  const local = (t: DateTime) => `${t.toFormat("yyyy-MM-dd'T'HH:mm:ss")}.0000000`;
  const body: GraphEvent = {
    start: { dateTime: local(from), timeZone: zone },
    end: { dateTime: local(to), timeZone: zone },
    attendees: invitees.map((address) => ({
      type: 'required',
      emailAddress: { address, name: nameOf(address) },
    })),
    ...(teams ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' as const } : {}),
    ...fields,
  };
  const id = `AAMkAGRlbW9mZXJyZXRlcmlh${Buffer.from(key).toString('base64url')}AAA=`;
  cal.events.push(completeGraphEvent(body, owner, cal, id));
}

function nameOf(address: string): string {
  return address
    .split('@')[0]!
    .split('.')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join(' ');
}

const text = (content: string): MicrosoftGraph.ItemBody => ({
  contentType: 'html',
  content: `<html><body><p>${content}</p></body></html>`,
});
const place = (displayName: string): MicrosoftGraph.Location => ({ displayName, locationType: 'default' });

function microsoftMailboxes(day: Day): SeedData['microsoft'] {
  const maria = mailbox(
    '5c1d7c9e-3f1a-4e58-9a6b-0d2f8e4b7a11',
    MS_MANAGER,
    'María López',
    'Gerente',
    MADRID,
    ['08:00', '18:00'],
  );
  const ana = mailbox(
    'a7f3b2c1-8d4e-4f6a-b5c9-1e2d3f4a5b22',
    MS_STAFF.ana,
    'Ana García',
    'Contabilidad',
    MADRID,
    ['08:00', '15:00'],
  );
  const tom = mailbox('b8e4c3d2-9e5f-4a7b-86da-2f3e4a5b6c33', MS_STAFF.tom, 'Tom Baker', 'UK Sales', LONDON, [
    '09:00',
    '17:30',
  ]);
  const lucia = mailbox(
    'c9f5d4e3-af60-4b8c-97eb-3a4f5b6c7d44',
    MS_STAFF.lucia,
    'Lucía Fernández',
    'Exposición y escaparates',
    MADRID,
    ['10:00', '19:00'],
  );
  const main = graphCalendar(maria, 'AAMkAGRlbW9mZXJyZXRlcmlhY2FsZW5kYXI=', 'Calendario', true);
  const projects = graphCalendar(maria, 'AAMkAGRlbW9mZXJyZXRlcmlhcHJveWVjdG9z', 'Proyectos', false);

  addGraph(maria, main, {
    key: 'direccion',
    subject: 'Comité de dirección (grupo)',
    from: at(day(0), '11:00'),
    to: at(day(0), '12:00'),
    teams: true,
    with: [MS_STAFF.ana, MS_STAFF.lucia],
  });
  addGraph(maria, main, {
    key: 'compras',
    subject: 'Comité de compras',
    from: at(day(1), '12:30'),
    to: at(day(1), '13:30'),
    teams: true,
    with: [MS_STAFF.ana],
  });
  addGraph(maria, main, {
    key: 'catalogo',
    subject: 'Presentación catálogo primavera',
    showAs: 'tentative',
    from: at(day(1), '15:00'),
    to: at(day(1), '16:00'),
    location: place('Showroom'),
  });
  addGraph(maria, main, {
    key: 'gestoria',
    subject: 'Comida con la gestoría',
    sensitivity: 'private',
    from: at(day(2), '13:30'),
    to: at(day(2), '14:30'),
    location: place('Restaurante La Tasca, C/ Toledo 8'),
  });
  addGraph(maria, main, {
    key: 'presupuesto',
    subject: 'Revisión presupuesto trimestral',
    from: at(day(3), '09:00'),
    to: at(day(3), '10:00'),
    with: [MS_STAFF.ana],
  });
  addGraph(maria, main, {
    key: 'banco',
    subject: 'Reunión con el banco',
    from: at(day(3), '10:00'),
    to: at(day(3), '11:00'),
    location: place('Banco — Oficina Centro'),
  });
  addGraph(maria, main, {
    key: 'casa',
    subject: 'Trabajo desde casa',
    showAs: 'workingElsewhere',
    from: at(day(4), '09:00'),
    to: at(day(4), '14:00'),
  });
  addGraph(maria, main, {
    key: 'ukreview',
    subject: 'Quarterly review with UK distributor',
    body: text('Sell-through by category, returns, next quarter forecast.'),
    from: at(day(5), '16:00'),
    to: at(day(5), '17:00'),
    teams: true,
    with: [MS_STAFF.tom, 'orders@northbuild-demo.co.uk'],
  });
  addGraph(maria, main, {
    key: 'construmat',
    subject: 'Fuera de la oficina — Feria Construmat',
    showAs: 'oof',
    isAllDay: true,
    from: day(8),
    to: day(8).plus({ days: 2 }),
    location: place('Fira de Barcelona, Gran Via'),
  });
  addGraph(maria, projects, {
    key: 'escaparate',
    subject: 'Reforma escaparate — seguimiento',
    from: at(day(2), '17:00'),
    to: at(day(2), '18:00'),
    with: [MS_STAFF.lucia],
  });

  const anaCal = graphCalendar(ana, 'AAMkAGFuYWdhcmNpYWNhbGVuZGFy', 'Calendario', true);
  addGraph(ana, anaCal, {
    key: 'cierre',
    subject: 'Cierre contable',
    from: at(day(1), '09:00'),
    to: at(day(1), '11:00'),
  });
  addGraph(ana, anaCal, {
    key: 'anavac',
    subject: 'Vacaciones',
    showAs: 'oof',
    isAllDay: true,
    from: day(2),
    to: day(2).plus({ days: 3 }),
  });
  addGraph(ana, anaCal, {
    key: 'auditor',
    subject: 'Llamada auditor (por confirmar)',
    showAs: 'tentative',
    from: at(day(5), '12:00'),
    to: at(day(5), '12:30'),
  });

  const tomCal = graphCalendar(tom, 'AAMkAGRvbWJha2VyY2FsZW5kYXI=', 'Calendar', true);
  addGraph(tom, tomCal, {
    key: 'pipeline',
    subject: 'Pipeline review',
    from: at(day(1), '09:00', LONDON.iana),
    to: at(day(1), '10:00', LONDON.iana),
  });
  addGraph(tom, tomCal, {
    key: 'leeds',
    subject: 'Client visit — Leeds',
    showAs: 'workingElsewhere',
    from: at(day(2), '14:00', LONDON.iana),
    to: at(day(2), '15:00', LONDON.iana),
  });
  addGraph(tom, tomCal, {
    key: 'tomukreview',
    subject: 'Quarterly review with UK distributor',
    isOrganizer: false,
    organizer: { emailAddress: { name: 'María López', address: MS_MANAGER } },
    responseStatus: { response: 'accepted', time: new Date().toISOString() },
    from: at(day(5), '15:00', LONDON.iana),
    to: at(day(5), '16:00', LONDON.iana),
  });

  const luciaCal = graphCalendar(lucia, 'AAMkAGx1Y2lhY2FsZW5kYXI=', 'Calendario', true);
  addGraph(lucia, luciaCal, {
    key: 'ludireccion',
    subject: 'Comité de dirección (grupo)',
    isOrganizer: false,
    organizer: { emailAddress: { name: 'María López', address: MS_MANAGER } },
    from: at(day(0), '11:00'),
    to: at(day(0), '12:00'),
  });
  addGraph(lucia, luciaCal, {
    key: 'montaje',
    subject: 'Montaje escaparate',
    from: at(day(1), '17:00'),
    to: at(day(1), '19:00'),
  });
  addGraph(lucia, luciaCal, {
    key: 'bloque',
    subject: 'Bloque para pedidos',
    showAs: 'free',
    from: at(day(3), '12:00'),
    to: at(day(3), '13:00'),
  });

  // Ana shares her calendar with María with edit rights (Outlook "Can edit"): it shows in María's
  // calendar list, and its events stay in Ana's mailbox.
  maria.sharedWithMe = [{ owner: ana.user.mail, calendarId: anaCal.calendar.id }];

  return { meId: maria.user.id, mailboxes: [maria, ana, tom, lucia] };
}

export function seedCalendars(now: Date): SeedData {
  const day = workdays(now);
  return { google: googleCalendars(day), microsoft: microsoftMailboxes(day) };
}
