import { Alert, Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { AppInfo } from '../shared/api/app';
import type { Settings } from '../shared/settings';
import { ApiCallError, call } from './api';
import { BusinessContext, type Business } from './business';
import { AppFrame } from './components/AppFrame';
import { NavigateContext, sectionOf, useRoute } from './router';
import { Screens } from './Screens';
import { OnboardingScreen } from './screens/OnboardingScreen';

type Loaded =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiCallError | Error }
  | { status: 'ready'; settings: Settings; info: AppInfo };

async function loadApp(): Promise<Loaded> {
  try {
    const [settings, info] = await Promise.all([call('settings.get'), call('app.info')]);
    return { status: 'ready', settings, info };
  } catch (error) {
    return { status: 'failed', error: error as Error };
  }
}

export function App() {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [route, navigate] = useRoute();

  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    void loadApp().then((next) => live && setLoaded(next));
    return () => {
      live = false;
    };
  }, [attempt]);
  const retry = () => {
    setLoaded({ status: 'loading' });
    setAttempt((n) => n + 1);
  };

  const settings = loaded.status === 'ready' ? loaded.settings : null;
  const today = loaded.status === 'ready' ? loaded.info.today : null;
  const business = useMemo<Business | null>(
    () =>
      settings && today
        ? {
            locale: settings.locale,
            currency: settings.currency,
            timeZone: settings.timeZone,
            today,
          }
        : null,
    [settings, today],
  );

  const appState =
    loaded.status === 'loading' ? 'loading' : loaded.status === 'failed' ? 'error' : 'ready';
  return (
    <div data-app-state={appState}>
      {loaded.status === 'loading' && (
        <Center h="100vh">
          <Loader aria-label="Loading" />
        </Center>
      )}
      {loaded.status === 'failed' && <CannotStart error={loaded.error} onRetry={retry} />}
      {loaded.status === 'ready' && !loaded.settings.onboardingComplete && (
        <OnboardingScreen
          settings={loaded.settings}
          onDone={(settings) => {
            setLoaded({ ...loaded, settings });
            navigate({ screen: 'today' });
          }}
        />
      )}
      {loaded.status === 'ready' && loaded.settings.onboardingComplete && business && (
        <BusinessContext value={business}>
          <NavigateContext value={navigate}>
            <AppFrame
              businessName={loaded.settings.businessName}
              section={sectionOf(route)}
              onNavigate={(screen) => navigate({ screen })}
            >
              <Screens
                route={route}
                settings={loaded.settings}
                info={loaded.info}
                onSettingsSaved={(settings) => setLoaded({ ...loaded, settings })}
              />
            </AppFrame>
          </NavigateContext>
        </BusinessContext>
      )}
    </div>
  );
}

function CannotStart({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const noAccess = error instanceof ApiCallError && error.code === 'unauthorized';
  return (
    <Center h="100vh" p="md">
      <Stack maw={520} gap="md">
        <Title order={1} size="h3">
          {noAccess ? 'Please open Goodwill from its own link' : 'Goodwill could not load'}
        </Title>
        <Alert color={noAccess ? 'blue' : 'red'}>
          {noAccess
            ? 'For your safety this page needs the address Goodwill printed when it started (it ends in #token=…). Copy that whole address into the browser.'
            : error.message}
        </Alert>
        {!noAccess && (
          <Text>
            <Button onClick={onRetry}>Try again</Button>
          </Text>
        )}
      </Stack>
    </Center>
  );
}
