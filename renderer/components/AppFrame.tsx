import { NavLink, Stack, Text } from '@mantine/core';
import {
  IconCalendarCheck,
  IconClockExclamation,
  IconFileImport,
  IconFileInvoice,
  IconMailOpened,
  IconSend,
  IconSettings,
  IconStairsUp,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { ScreenName } from '../router';
import { BrandMark } from './BrandMark';

const navigation: { screen: ScreenName; label: string; icon: Icon }[] = [
  { screen: 'today', label: 'Today', icon: IconCalendarCheck },
  { screen: 'overdue', label: 'Overdue', icon: IconClockExclamation },
  { screen: 'customers', label: 'Customers', icon: IconUsers },
  { screen: 'invoices', label: 'Invoices', icon: IconFileInvoice },
  { screen: 'plans', label: 'Plans', icon: IconStairsUp },
  { screen: 'outbox', label: 'Outbox', icon: IconSend },
  { screen: 'letters', label: 'Letters', icon: IconMailOpened },
  { screen: 'import', label: 'Import', icon: IconFileImport },
  { screen: 'settings', label: 'Settings', icon: IconSettings },
];

export function AppFrame(props: {
  businessName: string;
  /** The section the current screen belongs to. */
  section: ScreenName;
  onNavigate: (screen: ScreenName) => void;
  children: ReactNode;
}) {
  return (
    <div className="shell">
      <header className="shell-header">
        <BrandMark />
        <Text size="sm" c="dimmed">
          {props.businessName}
        </Text>
      </header>
      <nav className="shell-nav" aria-label="Main">
        <Stack gap={2}>
          {navigation.map(({ screen, label, icon: ItemIcon }) => (
            <NavLink
              key={screen}
              href={`/${screen}`}
              label={label}
              leftSection={<ItemIcon size={18} stroke={1.6} />}
              active={props.section === screen}
              aria-current={props.section === screen ? 'page' : undefined}
              onClick={(event) => {
                if (event.metaKey || event.ctrlKey || event.shiftKey) return;
                event.preventDefault();
                props.onNavigate(screen);
              }}
            />
          ))}
        </Stack>
      </nav>
      <main className="shell-main">{props.children}</main>
    </div>
  );
}
