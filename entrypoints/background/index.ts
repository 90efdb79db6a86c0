import '../../services/zod-setup';
import { registerRouter } from '../../services/background/router';
import { registerSurfaces } from '../../services/background/surfaces';
import { registerAgendaRefresh } from '../../services/background/agenda';
import { registerBadge } from '../../services/background/badge';
import { registerOutbox } from '../../services/outbox/worker';
import { bookingHandlers } from '../../services/scheduling/bookings';
import { calendarProvider } from '../../services/accounts';
import { requestPersistence } from '../../services/db/db';
import { registerReminders } from '../../services/tasks/reminders';
import { registerSessionRenewal } from '../../services/auth/renewal';
import { SANDBOX } from '../../services/config';
import { seedSandboxDemo } from '../../services/sandbox-demo';
import { registerWelcome } from '../../services/background/welcome';
import { registerRoutines } from '../../services/routines/background';
import { registerBackup } from '../../services/backup/schedule';
import { registerTeamSync, syncHandler } from '../../services/sync/worker';
import { complaintSheetHandler, registerComplaintSheet } from '../../services/complaint-log/worker';

export default defineBackground(() => {
  registerRouter();
  registerSurfaces();
  registerOutbox([
    ...bookingHandlers((kind) => calendarProvider(kind)),
    syncHandler(),
    complaintSheetHandler(),
  ]);
  registerAgendaRefresh();
  registerBadge();
  registerReminders();
  registerSessionRenewal();
  registerWelcome();
  void registerRoutines();
  void registerBackup();
  void registerTeamSync();
  void registerComplaintSheet();
  void requestPersistence();
  if (SANDBOX) browser.runtime.onInstalled.addListener(() => void seedSandboxDemo());
});
