import { startPage } from '../../components/boot';
import { agendaCacheRead } from '../../components/agenda/Agenda';
import { App } from './App';

// The first render waits for the agenda's cache read (started as its module loaded) so that it is in
// it; the agenda says when the first paint is done (components/agenda/Agenda.tsx).
void startPage(App, 'popup', { paintedBy: 'page', waitFor: agendaCacheRead });
