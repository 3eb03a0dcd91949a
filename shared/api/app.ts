/** app.*: facts about the running app, for the shell and the Settings screen. */
import type { CalendarDate } from '../dates';
import { emptyInput, method } from './method';

export interface AppInfo {
  name: string;
  version: string;
  /** How the app is running: the desktop shell, or plain Node serving a browser. */
  mode: 'electron' | 'headless';
  /** The folder holding the database and its backups. */
  dataFolder: string;
  /** The current instant (UTC), from the app's clock. */
  now: string;
  /** Today's date in the business's time zone. */
  today: CalendarDate;
}

export const appMethods = {
  'app.info': method(emptyInput).returns<AppInfo>(),
};
