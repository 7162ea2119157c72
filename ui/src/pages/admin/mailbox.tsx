import { useState } from "preact/hooks";
import { api, load, type Schemas } from "../../api/client.ts";
import { Field } from "../../components/field.tsx";
import { Page } from "../../components/page.tsx";
import { Empty, Loading, ProblemAlert } from "../../components/state.tsx";
import { Table } from "../../components/table.tsx";
import { usePrefs } from "../../i18n/index.ts";
import { formatDateTime } from "../../lib/format.ts";
import { Link } from "../../lib/router.tsx";
import { useLoad } from "../../lib/use-load.ts";
import "../../styles/admin.css";

type MailSummary = Schemas["MailSummary"];
const STATUSES = ["held", "queued", "sent", "failed"] as const;
type Filters = { to: string; status: "" | (typeof STATUSES)[number] };

/**
 * The developer mailbox: the mails Palier queued, newest first, 50 a page with "show more";
 * filtered by recipient and status. Each subject opens the mail.
 */
export function MailboxPage() {
  const { t, label, locale, timeZone } = usePrefs();
  const [draft, setDraft] = useState<Filters>({ to: "", status: "" });
  const [filters, setFilters] = useState<Filters>(draft);
  const [more, setMore] = useState<{ items: MailSummary[]; cursor: string | null } | null>(null);
  const page = (cursor?: string) =>
    load(
      api.GET("/api/v1/admin/mailbox", {
        params: {
          query: {
            limit: 50,
            ...(filters.to.trim().length >= 3 ? { to: filters.to.trim() } : {}),
            ...(filters.status ? { status: filters.status } : {}),
            ...(cursor ? { cursor } : {}),
          },
        },
      }),
    );
  const loaded = useLoad(() => page(), [filters.to, filters.status]);
  const [loadingMore, setLoadingMore] = useState(false);

  const items = loaded.state === "ready" ? [...loaded.data.items, ...(more?.items ?? [])] : [];
  const next = more ? more.cursor : loaded.state === "ready" ? loaded.data.nextCursor : null;

  return (
    <Page title={t("mailbox.title")}>
      <p>{t("mailbox.intro")}</p>
      <form
        class="filters"
        aria-label={t("mailbox.filters")}
        onSubmit={(event) => {
          event.preventDefault();
          setMore(null);
          setFilters(draft);
        }}
      >
        <Field name="to" label={t("mailbox.to")}>
          {(attrs) => (
            <input
              {...attrs}
              type="search"
              value={draft.to}
              onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
            />
          )}
        </Field>
        <Field name="status" label={t("mailbox.status")}>
          {(attrs) => (
            <select
              {...attrs}
              value={draft.status}
              onChange={(e) =>
                setDraft({ ...draft, status: e.currentTarget.value as Filters["status"] })
              }
            >
              <option value="">{t("mailbox.anyStatus")}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {label("mailStatus", s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" class="button secondary">
          {t("mailbox.filter")}
        </button>
      </form>
      {loaded.state === "loading" && <Loading />}
      {loaded.state === "error" && (
        <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />
      )}
      {loaded.state === "ready" && items.length === 0 && <Empty>{t("mailbox.empty")}</Empty>}
      {items.length > 0 && (
        <Table
          label={t("mailbox.title")}
          head={[
            t("mailbox.subject"),
            t("mailbox.to"),
            t("mailbox.ticket"),
            t("mailbox.status"),
            t("mailbox.created"),
          ]}
        >
          {items.map((mail) => (
            <tr key={mail.id}>
              <th scope="row">
                <Link href={`/admin/mailbox/${mail.id}`}>{mail.subject}</Link>
              </th>
              <td>{mail.toName ? `${mail.toName} <${mail.to}>` : mail.to}</td>
              <td class="mono">{mail.ticket ?? ""}</td>
              <td>{label("mailStatus", mail.status)}</td>
              <td class="nowrap">{formatDateTime(mail.createdAt, locale, timeZone)}</td>
            </tr>
          ))}
        </Table>
      )}
      {next && (
        <p>
          <button
            type="button"
            class="button secondary"
            disabled={loadingMore}
            onClick={async () => {
              setLoadingMore(true);
              try {
                const answer = await page(next);
                setMore({
                  items: [...(more?.items ?? []), ...answer.items],
                  cursor: answer.nextCursor,
                });
              } finally {
                setLoadingMore(false);
              }
            }}
          >
            {t("mailbox.more")}
          </button>
        </p>
      )}
    </Page>
  );
}
