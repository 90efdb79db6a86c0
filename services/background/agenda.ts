import { calendarProvider, connectedProviders } from '../accounts';
import { refreshConnectedAgenda, type RefreshOutcome } from '../agenda/refresh';
import { getProfile } from '../profile';

let inFlight: Promise<RefreshOutcome[]> | null = null;

/** One refresh at a time: the popup opening during an alarm's refresh waits for that one. */
export function refreshAgendaNow(): Promise<RefreshOutcome[]> {
  inFlight ??= refreshConnectedAgenda({
    providers: connectedProviders,
    providerFor: calendarProvider,
    zone: async () => (await getProfile()).timeZone,
  }).finally(() => {
    inFlight = null;
  });
  return inFlight;
}
