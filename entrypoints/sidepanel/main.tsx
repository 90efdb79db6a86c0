import { startPage } from '../../components/boot';
import { bindToTab } from '../../components/sidepanel/bound-tab';
import { App } from './App';

void bindToTab();
void startPage(App, 'sidepanel');
