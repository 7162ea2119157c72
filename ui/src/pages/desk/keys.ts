import { useEffect, useRef } from "preact/hooks";

/** Whether a key press is someone typing: shortcuts never fire from fields. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
}

/**
 * Single-key shortcuts for a screen (`r`, `j`…), active while it is shown. Ignored while typing
 * in a field and with Ctrl, Alt or Meta held, so browser and screen-reader keys keep working.
 * A handler returns false to let the key through.
 */
export function useShortcuts(handlers: Record<string, (event: KeyboardEvent) => unknown>) {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      if (isTyping(event.target)) return;
      const handler = latest.current[event.key];
      if (handler && handler(event) !== false) event.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
