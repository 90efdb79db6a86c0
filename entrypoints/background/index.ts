import { registerRouter } from '../../services/background/router';
import { registerSurfaces } from '../../services/background/surfaces';
import { requestPersistence } from '../../services/db/db';

export default defineBackground(() => {
  registerRouter();
  registerSurfaces();
  void requestPersistence();
});
