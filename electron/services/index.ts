/** Every service the API binds to, built once per running app. */
import type { AppService } from './app.service';
import type { SettingsService } from './settings.service';

export interface Services {
  app: AppService;
  settings: SettingsService;
}
