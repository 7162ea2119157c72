import type { AnchorHTMLAttributes, ComponentChildren, TargetedMouseEvent } from "preact";
import { useEffect, useState } from "preact/hooks";

/**
 * A router in a few lines: the History API, one event to announce navigation, and patterns
 * like `/tickets/:number`. Enough for a Manager whose routes are a short, known list.
 */
const NAVIGATE = "palier:navigate";

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === currentPath()) return;
  if (options.replace) history.replaceState(null, "", to);
  else history.pushState(null, "", to);
  window.dispatchEvent(new Event(NAVIGATE));
}

function currentPath(): string {
  return location.pathname + location.search;
}

/** The current path and query; re-renders on every navigation, including back and forward. */
export function useLocation(): { path: string; query: URLSearchParams } {
  const [value, setValue] = useState(currentPath);
  useEffect(() => {
    const update = () => setValue(currentPath());
    window.addEventListener("popstate", update);
    window.addEventListener(NAVIGATE, update);
    return () => {
      window.removeEventListener("popstate", update);
      window.removeEventListener(NAVIGATE, update);
    };
  }, []);
  const [path = "/", search = ""] = value.split("?");
  return { path, query: new URLSearchParams(search) };
}

export type Params = Record<string, string>;

/** Matches `/tickets/:number` against `/tickets/PAL-100001`; null when it does not match. */
export function match(pattern: string, path: string): Params | null {
  const want = pattern.split("/").filter(Boolean);
  const got = path.split("/").filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Params = {};
  for (const [i, part] of want.entries()) {
    const value = got[i] ?? "";
    if (part.startsWith(":")) {
      try {
        params[part.slice(1)] = decodeURIComponent(value);
      } catch {
        return null;
      }
    } else if (part !== value) return null;
  }
  return params;
}

type AnchorProps = AnchorHTMLAttributes<HTMLAnchorElement> & {
  href: string;
  children?: ComponentChildren;
};

/** An ordinary link (middle-click, copy and open in a new tab keep working) that routes in place. */
export function Link(props: AnchorProps) {
  const { href, onClick, ...rest } = props;
  const follow = (event: TargetedMouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={follow} {...rest} />;
}
