import { describe, expect, it } from 'vitest';
import { pathOf, routeFrom, sectionOf, type Route } from './router';

describe('plan routes', () => {
  const routes: Route[] = [
    { screen: 'plans' },
    { screen: 'plan', id: 12 },
    { screen: 'renegotiatePlan', id: 12 },
    { screen: 'newPlan' },
    { screen: 'newPlan', customerId: 4 },
  ];

  it('go to an address and back unchanged, under the Plans section', () => {
    for (const route of routes) {
      const [path, search = ''] = pathOf(route).split('?');
      expect(routeFrom(path!, search ? `?${search}` : '')).toEqual(route);
      expect(sectionOf(route)).toBe('plans');
    }
  });

  it('ignore a customer that is not a number', () => {
    expect(routeFrom('/plans/new', '?customer=abc')).toEqual({ screen: 'newPlan' });
    expect(routeFrom('/plans/0')).toEqual({ screen: 'plans' });
  });
});
