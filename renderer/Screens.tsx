import type { AppInfo } from '../shared/api/app';
import type { Settings } from '../shared/settings';
import type { Route } from './router';
import { CustomerScreen } from './screens/customers/CustomerScreen';
import { CustomersScreen } from './screens/customers/CustomersScreen';
import { NewCustomerScreen } from './screens/customers/NewCustomerScreen';
import { ImportScreen } from './screens/import/ImportScreen';
import { InvoiceEditorScreen } from './screens/invoices/InvoiceEditorScreen';
import { InvoiceScreen } from './screens/invoices/InvoiceScreen';
import { InvoicesScreen } from './screens/invoices/InvoicesScreen';
import { LetterEditorScreen } from './screens/letters/LetterEditorScreen';
import { LettersScreen } from './screens/letters/LettersScreen';
import { OutboxScreen } from './screens/outbox/OutboxScreen';
import { OverdueScreen } from './screens/overdue/OverdueScreen';
import { PaymentScreen } from './screens/payments/PaymentScreen';
import { PlanBuilderScreen } from './screens/plans/PlanBuilderScreen';
import { PlanScreen } from './screens/plans/PlanScreen';
import { PlansScreen } from './screens/plans/PlansScreen';
import { RenegotiatePlanScreen } from './screens/plans/RenegotiatePlanScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { TodayScreen } from './screens/today/TodayScreen';

/** The screen for a route. Detail screens are keyed by their record, so each starts afresh. */
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
    case 'invoices':
      return <InvoicesScreen />;
    case 'newInvoice':
      return <InvoiceEditorScreen key={route.customerId ?? 0} customerId={route.customerId} />;
    case 'invoice':
      return <InvoiceScreen key={route.id} id={route.id} />;
    case 'newPayment':
      return (
        <PaymentScreen
          key={`${route.customerId}-${route.invoiceId ?? 0}`}
          customerId={route.customerId}
          invoiceId={route.invoiceId}
        />
      );
    case 'today':
      return <TodayScreen />;
    case 'letters':
      return <LettersScreen />;
    case 'letter':
      return <LetterEditorScreen key={route.occasion} occasion={route.occasion} />;
    case 'outbox':
      return <OutboxScreen />;
    case 'import':
      return <ImportScreen />;
    case 'plans':
      return <PlansScreen />;
    case 'newPlan':
      return (
        <PlanBuilderScreen
          key={route.customerId ?? 0}
          customerId={route.customerId}
          businessName={props.settings.businessName}
        />
      );
    case 'plan':
      return <PlanScreen key={route.id} id={route.id} />;
    case 'renegotiatePlan':
      return <RenegotiatePlanScreen key={route.id} id={route.id} />;
  }
}
