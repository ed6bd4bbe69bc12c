/**
 * Paths under /explore/, read and written with the History API: every page has a URL an analyst
 * can share. Links are plain <a href>; a click on one is handled here without a reload.
 */
import { useEffect, useState } from 'preact/hooks';

export const BASE = '/explore';

export type Route =
  | { page: 'home' }
  | { page: 'actor'; id: string }
  | { page: 'place'; id: string }
  | { page: 'engagement'; id: string }
  | { page: 'source'; id: string; cite?: string }
  | { page: 'connect'; from: string; to: string }
  | { page: 'read' }
  | { page: 'missing'; path: string };

export const href = {
  home: () => `${BASE}/`,
  actor: (id: string) => `${BASE}/actor/${encodeURIComponent(id)}`,
  place: (id: string) => `${BASE}/place/${encodeURIComponent(id)}`,
  engagement: (id: string) => `${BASE}/engagement/${encodeURIComponent(id)}`,
  source: (id: string, cite?: string) =>
    `${BASE}/source/${encodeURIComponent(id)}${cite ? `#cite-${encodeURIComponent(cite)}` : ''}`,
  connect: (from = '', to = '') =>
    `${BASE}/connect${from || to ? `?${new URLSearchParams({ from, to }).toString()}` : ''}`,
  read: () => `${BASE}/read`,
};

export function parseRoute(location: Location): Route {
  const path = location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) : location.pathname;
  const [, page = '', rawId] = path.split('/');
  const id = rawId === undefined ? '' : decodeURIComponent(rawId);
  if (page === '') return { page: 'home' };
  if (page === 'read' && id === '') return { page: 'read' };
  if (page === 'connect') {
    const query = new URLSearchParams(location.search);
    return { page: 'connect', from: query.get('from') ?? '', to: query.get('to') ?? '' };
  }
  if (id !== '') {
    if (page === 'actor' || page === 'place' || page === 'engagement') return { page, id };
    if (page === 'source') {
      const cite = location.hash.startsWith('#cite-') ? decodeURIComponent(location.hash.slice(6)) : undefined;
      return { page, id, cite };
    }
  }
  return { page: 'missing', path: location.pathname };
}

export function navigate(url: string): void {
  history.pushState(null, '', url);
  dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location));
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      const anchor = (event.target as Element | null)?.closest('a');
      if (!anchor || anchor.target || !anchor.href.startsWith(`${location.origin}${BASE}`)) return;
      // A link within the page (#passage-2): the browser scrolls to it, nothing to route.
      if (anchor.hash && anchor.pathname === location.pathname && anchor.search === location.search) return;
      event.preventDefault();
      if (anchor.href !== location.href) {
        navigate(anchor.href);
        scrollTo(0, 0);
      }
    };
    addEventListener('popstate', update);
    document.addEventListener('click', onClick);
    return () => {
      removeEventListener('popstate', update);
      document.removeEventListener('click', onClick);
    };
  }, []);
  return route;
}
