import { type Static, Type } from "@sinclair/typebox";
import { PageQuery } from "../../http/pagination.ts";

export const JOB_STATES = ["failed", "retry", "active", "created"] as const;
export type ListedJobState = (typeof JOB_STATES)[number];

const nullable = <T extends import("@sinclair/typebox").TSchema>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const QueueName = Type.String({
  pattern: "^[A-Za-z0-9_.-]{1,100}$",
  description: "The job type, e.g. mail.send or webhook.deliver",
});

export const Job = Type.Object(
  {
    id: Type.String({ format: "uuid" }),
    queue: Type.String({ examples: ["mail.send"] }),
    state: Type.Union(
      [...JOB_STATES, "completed", "cancelled"].map((s) => Type.Literal(s)),
      {
        description:
          "created: waiting; retry: failed, waiting for its next attempt; active: running; " +
          "failed: dead, no attempt left (retry it here); completed; cancelled",
      },
    ),
    data: Type.Unknown({
      description: "The job's input; values of keys named token, link, secret or password hidden",
    }),
    retryCount: Type.Integer({ description: "Attempts after the first" }),
    retryLimit: Type.Integer(),
    lastError: nullable(Type.String({ description: "The last failure's message" })),
    createdAt: Type.String({ format: "date-time" }),
    startAfter: Type.String({ format: "date-time", description: "Earliest next attempt" }),
    startedAt: nullable(Type.String({ format: "date-time" })),
    completedAt: nullable(
      Type.String({ format: "date-time", description: "When it completed or died" }),
    ),
  },
  { $id: "Job", title: "Job" },
);

export const JobsQuery = Type.Object(
  {
    ...PageQuery,
    state: Type.Optional(
      Type.Union(
        JOB_STATES.map((s) => Type.Literal(s)),
        { default: "failed", description: "Default failed: the dead jobs" },
      ),
    ),
    queue: Type.Optional(QueueName),
  },
  { additionalProperties: false },
);
export type JobsQuery = Static<typeof JobsQuery>;

export const JobParams = Type.Object({
  queue: QueueName,
  id: Type.String({ format: "uuid" }),
});
export type JobParams = Static<typeof JobParams>;
