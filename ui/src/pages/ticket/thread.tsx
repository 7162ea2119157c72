import { useEffect, useState } from "preact/hooks";
import { call, type Problem } from "../../api/client.ts";
import { Empty, ProblemAlert } from "../../components/state.tsx";
import { DateTime } from "../../components/time.tsx";
import { usePrefs } from "../../i18n/index.ts";
import { formatNumber } from "../../lib/format.ts";
import { fetchMessages, type Message, type MessagePage } from "./data.ts";
import { RateAnswer, type Rating, RatingShown } from "./rating.tsx";

function Author({ message }: { message: Message }) {
  const { t } = usePrefs();
  const { author } = message;
  if (author.kind === "customer") return <>{author.name ?? author.nicHandle}</>;
  if (author.kind === "staff") return <>{author.name ?? t("thread.support")}</>;
  return <>{t("thread.system")}</>;
}

function Attachments({ number, message }: { number: string; message: Message }) {
  const { t, locale } = usePrefs();
  if (message.attachments.length === 0) return null;
  return (
    <div class="attachments">
      <h4>{t("thread.attachments")}</h4>
      <ul>
        {message.attachments.map((file) => (
          <li key={file.id}>
            {/* A plain link: the session cookie authorises the download. */}
            <a href={`/api/v1/tickets/${encodeURIComponent(number)}/attachments/${file.id}`}>
              {file.filename}
            </a>{" "}
            <span class="muted">
              ({formatNumber(Math.ceil(file.sizeBytes / 1024), locale)} KiB)
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A support answer's rating when it has one, else the form to rate it when allowed. */
function AnswerRating({
  number,
  message,
  rating,
  rateable,
  onRated,
}: {
  number: string;
  message: Message;
  rating: Rating | null;
  rateable: boolean;
  onRated(rating: Rating): void;
}) {
  if (rating) return <RatingShown rating={rating} />;
  if (!rateable) return null;
  return <RateAnswer number={number} message={message} onRated={onRated} />;
}

/** Every message, page after page (at most ten pages: a thousand messages). */
async function readAll(number: string) {
  const items: Message[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const result = await call(fetchMessages(number, cursor));
    if (!result.ok) return null;
    items.push(...result.data.items);
    if (!result.data.nextCursor) return { items, cursor: null };
    cursor = result.data.nextCursor;
  }
  return { items, cursor: cursor ?? null };
}

/**
 * The conversation, oldest first. Each message is an article named by its author and time;
 * support's answers and the customer's messages are told apart by more than colour (a label).
 */
export function Thread({
  number,
  first,
  added,
  version,
  rateable,
  onRated,
}: {
  number: string;
  first: MessagePage;
  /** Messages sent from this page since it loaded. */
  added: Message[];
  /** Bumped when a live event says the conversation changed: the thread is read again. */
  version: number;
  /** Whether unrated answers offer the rating form (not on a closed ticket). */
  rateable: boolean;
  /** Called once an answer is rated: the status may have changed (solved, or reopened). */
  onRated(rating: Rating): void;
}) {
  const { t } = usePrefs();
  const [items, setItems] = useState(first.items);
  const [cursor, setCursor] = useState(first.nextCursor);
  const [problem, setProblem] = useState<Problem | null>(null);
  // Ratings sent from this page show at once, before the thread is read again.
  const [rated, setRated] = useState<Record<string, Rating>>({});
  const [announced, setAnnounced] = useState("");
  const more = async () => {
    if (!cursor) return;
    const result = await call(fetchMessages(number, cursor));
    if (!result.ok) return setProblem(result.problem);
    setItems((now) => [...now, ...result.data.items]);
    setCursor(result.data.nextCursor);
  };
  useEffect(() => {
    if (version === 0) return;
    let current = true;
    readAll(number).then((result) => {
      if (!current || !result) return;
      setItems(result.items);
      setCursor(result.cursor);
    });
    return () => {
      current = false;
    };
  }, [number, version]);
  const seen = new Set(items.map((message) => message.id));
  const all = cursor ? items : [...items, ...added.filter((message) => !seen.has(message.id))];
  if (all.length === 0) return <Empty>{t("thread.empty")}</Empty>;
  return (
    <>
      <ol class="thread">
        {all.map((message) => (
          <li key={message.id} class={`message from-${message.kind}`}>
            <article aria-labelledby={`m-${message.id}`}>
              <header id={`m-${message.id}`}>
                <strong>
                  <Author message={message} />
                </strong>
                {message.author.kind === "staff" && (
                  <span class="badge">{t("thread.support")}</span>
                )}{" "}
                <DateTime iso={message.createdAt} />
              </header>
              <div class="message-body">{message.body}</div>
              <Attachments number={number} message={message} />
              {message.kind === "agent" && (
                <AnswerRating
                  number={number}
                  message={message}
                  rating={message.rating ?? rated[message.id] ?? null}
                  rateable={rateable}
                  onRated={(rating) => {
                    setRated((now) => ({ ...now, [message.id]: rating }));
                    setAnnounced(
                      t(rating.value === "solved" ? "rating.thanks" : "rating.reopened"),
                    );
                    onRated(rating);
                  }}
                />
              )}
            </article>
          </li>
        ))}
      </ol>
      <p role="status" class="form-status">
        {announced}
      </p>
      {problem && <ProblemAlert problem={problem} />}
      {cursor && (
        <button type="button" class="button secondary" onClick={more}>
          {t("thread.more")}
        </button>
      )}
    </>
  );
}
