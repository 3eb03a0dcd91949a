import type { AppInfo } from '../shared/api/app';
import type { Settings } from '../shared/settings';
import type { Route } from './router';
import { ComingSoonScreen } from './screens/ComingSoonScreen';
import { CustomerScreen } from './screens/customers/CustomerScreen';
import { CustomersScreen } from './screens/customers/CustomersScreen';
import { NewCustomerScreen } from './screens/customers/NewCustomerScreen';
import { OverdueScreen } from './screens/overdue/OverdueScreen';
import { SettingsScreen } from './screens/SettingsScreen';

/** The screen for a route. */
export function Screens(props: {
  route: Route;
  settings: Settings;
  info: AppInfo;
  onSettingsSaved: (settings: Settings) => void;
}) {
  const { route } = props;
  switch (route.screen) {
    case 'settings':
      return (
        <SettingsScreen
          settings={props.settings}
          info={props.info}
          onSaved={props.onSettingsSaved}
        />
      );
    case 'overdue':
      return <OverdueScreen />;
    case 'customers':
      return <CustomersScreen />;
    case 'newCustomer':
      return <NewCustomerScreen />;
    case 'customer':
      return <CustomerScreen key={route.id} id={route.id} />;
    case 'today':
    case 'plans':
    case 'outbox':
    case 'invoices':
      return <ComingSoonScreen screen={route.screen} />;
    default:
      return <ComingSoonScreen screen="invoices" />;
  }
}
