/**
 * The app's screens and a small path router on the History API. Eight sections and eight
 * detail pages do not need a library: a route is plain data, with one function to read it
 * from the address and one to write it back.
 */
import { createContext, useCallback, useContext, useEffect, useState } from 'react';
import { isOccasion, type Occasion } from '../shared/letters/occasions';

/** The sections of the navigation. */
export const screens = [
  'today',
  'overdue',
  'customers',
  'invoices',
  'plans',
  'outbox',
  'letters',
  'import',
  'settings',
] as const;
export type ScreenName = (typeof screens)[number];

export type Route =
  | { screen: ScreenName }
  | { screen: 'customer'; id: number }
  | { screen: 'newCustomer' }
  | { screen: 'invoice'; id: number }
  | { screen: 'newInvoice'; customerId?: number }
  | { screen: 'newPayment'; customerId: number; invoiceId?: number }
  | { screen: 'letter'; occasion: Occasion }
  | { screen: 'plan'; id: number }
  | { screen: 'renegotiatePlan'; id: number }
  | { screen: 'newPlan'; customerId?: number };

/** A positive whole number from the address, or undefined. */
function idFrom(text: string | null | undefined): number | undefined {
  if (!text || !/^[1-9]\d{0,14}$/.test(text)) return undefined;
  return Number(text);
}

export function routeFrom(pathname: string, search = ''): Route {
  const [first = '', second, third] = pathname.split('/').filter(Boolean);
  const query = new URLSearchParams(search);
  const id = idFrom(second);
  if (first === 'customers' && second === 'new') return { screen: 'newCustomer' };
  if (first === 'customers' && id !== undefined) {
    if (third === 'payment') {
      const invoiceId = idFrom(query.get('invoice'));
      return { screen: 'newPayment', customerId: id, ...(invoiceId ? { invoiceId } : {}) };
    }
    return { screen: 'customer', id };
  }
  if (first === 'invoices' && second === 'new') {
    const customerId = idFrom(query.get('customer'));
    return { screen: 'newInvoice', ...(customerId ? { customerId } : {}) };
  }
  if (first === 'invoices' && id !== undefined) return { screen: 'invoice', id };
  if (first === 'plans' && second === 'new') {
    const customerId = idFrom(query.get('customer'));
    return { screen: 'newPlan', ...(customerId ? { customerId } : {}) };
  }
  if (first === 'plans' && id !== undefined) {
    return third === 'renegotiate' ? { screen: 'renegotiatePlan', id } : { screen: 'plan', id };
  }
  if (first === 'letters' && second && isOccasion(second))
    return { screen: 'letter', occasion: second };
  return (screens as readonly string[]).includes(first)
    ? { screen: first as ScreenName }
    : { screen: 'today' };
}

export function pathOf(route: Route): string {
  switch (route.screen) {
    case 'customer':
      return `/customers/${route.id}`;
    case 'newCustomer':
      return '/customers/new';
    case 'invoice':
      return `/invoices/${route.id}`;
    case 'newInvoice':
      return route.customerId ? `/invoices/new?customer=${route.customerId}` : '/invoices/new';
    case 'newPayment':
      return `/customers/${route.customerId}/payment${route.invoiceId ? `?invoice=${route.invoiceId}` : ''}`;
    case 'letter':
      return `/letters/${route.occasion}`;
    case 'plan':
      return `/plans/${route.id}`;
    case 'renegotiatePlan':
      return `/plans/${route.id}/renegotiate`;
    case 'newPlan':
      return route.customerId ? `/plans/new?customer=${route.customerId}` : '/plans/new';
    default:
      return `/${route.screen}`;
  }
}

/** The section of the navigation a route belongs to. */
export function sectionOf(route: Route): ScreenName {
  switch (route.screen) {
    case 'customer':
    case 'newCustomer':
    case 'newPayment':
      return 'customers';
    case 'invoice':
    case 'newInvoice':
      return 'invoices';
    case 'letter':
      return 'letters';
    case 'plan':
    case 'newPlan':
    case 'renegotiatePlan':
      return 'plans';
    default:
      return route.screen;
  }
}

export type Navigate = (to: Route) => void;

export function useRoute(): [Route, Navigate] {
  const [route, setRoute] = useState(() =>
    routeFrom(window.location.pathname, window.location.search),
  );
  useEffect(() => {
    const onPop = () => setRoute(routeFrom(window.location.pathname, window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: Route) => {
    const path = pathOf(to);
    if (window.location.pathname + window.location.search !== path) {
      window.history.pushState(null, '', path);
      window.scrollTo(0, 0);
    }
    setRoute(to);
  }, []);
  return [route, navigate];
}

export const NavigateContext = createContext<Navigate>(() => {
  throw new Error('Navigation is used outside the app frame.');
});

/** Moves to another screen, from anywhere inside the app frame. */
export function useNavigate(): Navigate {
  return useContext(NavigateContext);
}
