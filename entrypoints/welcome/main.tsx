import { startPage } from '../../components/boot';
import { App } from './App';

void startPage(App, 'welcome');
