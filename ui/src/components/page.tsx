import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { usePrefs } from "../i18n/index.ts";

let firstPage = true;

/**
 * A screen: its title in the tab and in the one h1. After an in-app navigation the h1 takes
 * focus, so keyboard and screen-reader users start reading the new page, not the old link.
 */
export function Page({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ComponentChildren;
  children: ComponentChildren;
}) {
  const { t } = usePrefs();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t("app.name")}`;
  }, [title, t]);
  useEffect(() => {
    if (firstPage) firstPage = false;
    else heading.current?.focus();
  }, []);
  return (
    <>
      <div class="page-head">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions && <div class="page-actions">{actions}</div>}
      </div>
      {children}
    </>
  );
}
