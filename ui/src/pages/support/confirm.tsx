import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { usePrefs } from "../../i18n/index.ts";

/**
 * The question before a change of level, with Confirm and Cancel. The question takes focus
 * when it appears, so keyboard and screen-reader users land on what they are asked.
 */
export function ConfirmPanel({
  question,
  busy,
  onConfirm,
  onCancel,
  children,
}: {
  question: string;
  busy: boolean;
  onConfirm(): void;
  onCancel(): void;
  children?: ComponentChildren;
}) {
  const { t } = usePrefs();
  const text = useRef<HTMLParagraphElement>(null);
  useEffect(() => text.current?.focus(), [question]);
  return (
    <div class="confirm">
      <p ref={text} tabIndex={-1}>
        {question}
      </p>
      {children}
      <div class="form-actions">
        <button type="button" class="button" onClick={onConfirm} disabled={busy}>
          {t("support.confirm")}
        </button>
        <button type="button" class="button secondary" onClick={onCancel}>
          {t("support.cancel")}
        </button>
      </div>
    </div>
  );
}
