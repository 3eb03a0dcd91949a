import type { AppInfo } from '../../shared/api/app';
import { calendarDateIn, type Clock } from '../../shared/dates';
import type { SettingsService } from './settings.service';

export interface AppService {
  info(): Promise<AppInfo>;
}

export function createAppService(deps: {
  clock: Clock;
  settings: SettingsService;
  mode: AppInfo['mode'];
  version: string;
  dataFolder: string;
}): AppService {
  return {
    async info() {
      const now = deps.clock.now();
      const { timeZone } = await deps.settings.get();
      return {
        name: 'Goodwill',
        version: deps.version,
        mode: deps.mode,
        dataFolder: deps.dataFolder,
        now: now.toISOString(),
        today: calendarDateIn(now, timeZone),
      };
    },
  };
}
