/** Which service answers each method. A method missing here does not compile. */
import type { MethodName, OutputOf, ParsedInputOf } from '../../shared/api/contract';
import type { Services } from '../services';

export type Handlers = {
  [M in MethodName]: (input: ParsedInputOf<M>) => Promise<OutputOf<M>>;
};

export function createHandlers(services: Services): Handlers {
  return {
    'app.info': () => services.app.info(),
    'settings.get': () => services.settings.get(),
    'settings.update': (patch) => services.settings.update(patch),
    'settings.completeOnboarding': (answers) => services.settings.completeOnboarding(answers),
  };
}
