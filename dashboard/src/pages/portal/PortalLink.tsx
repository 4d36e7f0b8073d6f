/** A link inside the app: a plain click moves without reloading; modified clicks (new tab) stay the browser's. */
import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from '../../app/location';

export function PortalLink({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
    window.scrollTo(0, 0);
  };
  return <a href={href} onClick={follow} {...rest} />;
}
