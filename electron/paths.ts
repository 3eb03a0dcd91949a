/** Where Goodwill keeps its data when nobody says otherwise: where Electron would. */
import { join } from 'node:path';

export const appFolderName = 'Goodwill';
export const databaseFileName = 'goodwill.db';

/**
 * The same folder as Electron's `app.getPath('userData')`, so the desktop app and headless
 * mode share one ledger: %APPDATA%\Goodwill on Windows, ~/Library/Application Support/Goodwill
 * on macOS, $XDG_CONFIG_HOME/Goodwill (or ~/.config/Goodwill) elsewhere.
 */
export function defaultDataDir(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  home: string,
): string {
  if (platform === 'win32') {
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), appFolderName);
  }
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', appFolderName);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), appFolderName);
}
