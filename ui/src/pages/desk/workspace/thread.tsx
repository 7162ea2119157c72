import { useEffect, useState } from "preact/hooks";
import { call } from "../../../api/client.ts";
import { Empty, Loading, ProblemAlert } from "../../../components/state.tsx";
import { DateTime } from "../../../components/time.tsx";
import { usePrefs } from "../../../i18n/index.ts";
import { useLoad } from "../../../lib/use-load.ts";
import { fetchMessages, type Message } from "../data.ts";

/** Every message, oldest first, page after page (at most twenty pages: two thousand). */
async function readAll(number: string): Promise<Message[]> {
  const items: Message[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const result = await call(fetchMessages(number, cursor));
    if (!result.ok) throw result.problem;
    items.push(...result.data.items);
    if (!result.data.nextCursor) break;
    cursor = result.data.nextCursor;
  }
  return items;
}

function Author({ message }: { message: Message }) {
  const { t } = usePrefs();
  const { author } = message;
  if (author.kind === "customer") return <>{author.name ?? author.nicHandle}</>;
  if (author.kind === "staff") return <>{author.name ?? t("thread.support")}</>;
  return <>{t("thread.system")}</>;
}

/** The kind of a message in words: what the customer saw, or not. */
function KindLabel({ message }: { message: Message }) {
  const { t } = usePrefs();
  if (message.kind === "internal") return <span class="badge note">{t("desk.thread.note")}</span>;
  if (message.kind === "agent") return <span class="badge public">{t("desk.thread.public")}</span>;
  if (message.kind === "customer") return <span class="badge">{t("desk.thread.customer")}</span>;
  return null;
}

/**
 * The whole conversation for staff. Internal notes differ from public answers by a label in
 * words (read first by screen readers, in the article's name), a dashed striped frame and colour.
 * `version` is bumped when something changed (a live event, a message sent): it reads again.
 */
export function DeskThread({ number, version }: { number: string; version: number }) {
  const { t } = usePrefs();
  const loaded = useLoad(() => readAll(number), [number]);
  const [fresh, setFresh] = useState<Message[] | null>(null);
  useEffect(() => {
    if (version === 0) return;
    let current = true;
    readAll(number).then(
      (items) => current && setFresh(items),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [number, version]);
  if (loaded.state === "loading") return <Loading />;
  if (loaded.state === "error") {
    return <ProblemAlert problem={loaded.problem} onRetry={loaded.reload} />;
  }
  const items = fresh ?? loaded.data;
  if (items.length === 0) return <Empty>{t("thread.empty")}</Empty>;
  return (
    <ol class="thread">
      {items.map((message) => {
        const heading = `m-${message.id}`;
        return (
          <li key={message.id} class={`message from-${message.kind}`}>
            <article aria-labelledby={heading}>
              <header id={heading}>
                <KindLabel message={message} />{" "}
                <strong>
                  <Author message={message} />
                </strong>{" "}
                <DateTime iso={message.createdAt} />
              </header>
              <div class="message-body">{message.body}</div>
              {message.attachments.length > 0 && (
                <ul class="attachments">
                  {message.attachments.map((file) => (
                    <li key={file.id}>
                      <a
                        href={`/api/v1/tickets/${encodeURIComponent(number)}/attachments/${file.id}`}
                      >
                        {file.filename}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </article>
          </li>
        );
      })}
    </ol>
  );
}
