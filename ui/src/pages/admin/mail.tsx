import { api, load } from "../../api/client.ts";
import { usePrefs } from "../../i18n/index.ts";
import { formatDateTime } from "../../lib/format.ts";
import { Link } from "../../lib/router.tsx";
import { useLoad } from "../../lib/use-load.ts";
import { LoadedPage } from "./shared.tsx";

/**
 * One mail of the developer mailbox: its envelope, its text, and its HTML. The HTML never
 * becomes part of the Manager's page: the frame loads it from the API's own address for it,
 * sandboxed twice (the frame's empty sandbox attribute and the answer's CSP sandbox): no
 * script, no form, an opaque origin; only the mail's inline styles apply.
 */
export function MailPage({ id }: { id: string }) {
  const { t, label, locale, timeZone } = usePrefs();
  const loaded = useLoad(
    () => load(api.GET("/api/v1/admin/mailbox/{id}", { params: { path: { id } } })),
    [id],
  );
  const title = loaded.state === "ready" ? loaded.data.subject : t("mailbox.mail");
  return (
    <LoadedPage title={title} loaded={loaded}>
      {(mail) => {
        const facts: [string, string][] = [
          [t("mailbox.from"), mail.from],
          [t("mailbox.to"), mail.toName ? `${mail.toName} <${mail.to}>` : mail.to],
          [t("mailbox.status"), label("mailStatus", mail.status)],
          [t("mailbox.created"), formatDateTime(mail.createdAt, locale, timeZone)],
          [t("mailbox.language"), mail.language.toUpperCase()],
        ];
        if (mail.ticket) facts.push([t("mailbox.ticket"), mail.ticket]);
        if (mail.replyTo) facts.push([t("mailbox.replyTo"), mail.replyTo]);
        if (mail.sentAt)
          facts.push([t("mailbox.sent"), formatDateTime(mail.sentAt, locale, timeZone)]);
        if (mail.lastError) facts.push([t("mailbox.error"), mail.lastError]);
        return (
          <>
            <p>
              <Link href="/admin/mailbox">{t("mailbox.back")}</Link>
            </p>
            <section class="card" aria-labelledby="mail-envelope">
              <h2 id="mail-envelope">{t("mailbox.envelope")}</h2>
              <dl class="facts wrap">
                {facts.map(([term, value]) => (
                  <div key={term}>
                    <dt>{term}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
              {mail.redactedAt && (
                <p class="notice">
                  {t("mailbox.redacted", { at: formatDateTime(mail.redactedAt, locale, timeZone) })}
                </p>
              )}
            </section>
            <section class="card" aria-labelledby="mail-text">
              <h2 id="mail-text">{t("mailbox.text")}</h2>
              <pre class="mail-text" lang={mail.language}>
                {mail.text}
              </pre>
            </section>
            <section class="card" aria-labelledby="mail-html">
              <h2 id="mail-html">{t("mailbox.html")}</h2>
              <iframe
                class="mail-html"
                title={t("mailbox.htmlFrame", { subject: mail.subject })}
                sandbox=""
                src={`/api/v1/admin/mailbox/${encodeURIComponent(mail.id)}/html`}
                referrerpolicy="no-referrer"
              />
            </section>
            <details class="chart-data">
              <summary>{t("mailbox.headers")}</summary>
              <dl class="facts wrap mono">
                {Object.entries(mail.headers).map(([name, value]) => (
                  <div key={name}>
                    <dt>{name}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
            </details>
          </>
        );
      }}
    </LoadedPage>
  );
}
