import { startPage } from '../../components/boot';
import { App } from './App';

// The agenda says when the first paint is done (components/agenda/Agenda.tsx).
void startPage(App, 'popup', { paintedBy: 'page' });
