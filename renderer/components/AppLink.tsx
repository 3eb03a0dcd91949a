import { Anchor, type AnchorProps } from '@mantine/core';
import type { MouseEvent, ReactNode } from 'react';
import { pathOf, useNavigate, type Route } from '../router';

/** A link to another screen: a real href (so it can open in a new tab), moved to in place. */
export function AppLink(
  props: AnchorProps & { to: Route; children: ReactNode; 'aria-label'?: string },
) {
  const { to, children, ...rest } = props;
  const navigate = useNavigate();
  return (
    <Anchor
      href={pathOf(to)}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate(to);
      }}
      {...rest}
    >
      {children}
    </Anchor>
  );
}
