/** Settings a test business starts from: blank, as a new installation is, or filled in. */
import { defaultContactWindow, type BusinessSettings } from '../../shared/settings';

export const blankBusiness: BusinessSettings = {
  businessName: '',
  address: '',
  email: '',
  phone: '',
  paymentInstructions: '',
  invoicePrefix: 'INV-',
  currency: 'GBP',
  locale: 'en-GB',
  timeZone: 'Europe/London',
  contactWindow: defaultContactWindow,
};

export const sampleBusiness: BusinessSettings = {
  ...blankBusiness,
  businessName: 'Jones Plumbing',
  address: '1 High Street',
  email: 'sam@jonesplumbing.example',
  paymentInstructions: 'Sort code 12-34-56, account 12345678',
};
