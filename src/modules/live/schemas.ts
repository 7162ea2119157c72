import { Type } from "@sinclair/typebox";

export const EventsHeaders = Type.Object({
  "last-event-id": Type.Optional(
    Type.String({
      pattern: "^[0-9]{1,15}$",
      description:
        "The id of the last event received; the stream first replays what followed it " +
        "(browsers' EventSource sends it when reconnecting)",
    }),
  ),
});

export const LiveEventData = Type.Object(
  {
    id: Type.Integer({ description: "Also the SSE id: send it back as Last-Event-ID" }),
    eventId: Type.String({
      format: "uuid",
      description: "Shared by the notices of one change, whoever they are addressed to",
    }),
    type: Type.String({ examples: ["ticket.answered"] }),
    at: Type.String({ format: "date-time" }),
    data: Type.Record(Type.String(), Type.Unknown(), {
      description: "The event's payload, as in webhooks; one-time tokens and links left out",
    }),
  },
  { $id: "LiveEvent", title: "LiveEvent" },
);

export const EventStreamResponse = {
  description:
    "A text/event-stream: one event per notice, named after its type, with `id:` the notice id " +
    "and `data:` a LiveEvent as JSON; `: keep-alive` comments every 15 s.",
  content: { "text/event-stream": { schema: Type.String() } },
};
