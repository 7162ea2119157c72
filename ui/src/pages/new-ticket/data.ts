import { api } from "../../api/client.ts";

export const CATEGORIES = ["incident", "assistance", "billing", "commercial", "account"] as const;
export type Category = (typeof CATEGORIES)[number];
export const UNIVERSES = ["market", "server", "public-cloud", "enterprise"] as const;
export type Universe = (typeof UNIVERSES)[number];
export const LEVELS = ["low", "medium", "high"] as const;
export type Level = (typeof LEVELS)[number];

/** Commercial and account questions concern a universe, not a service (the API's rule). */
export function needsService(category: Category): boolean {
  return category !== "commercial" && category !== "account";
}

/** Technical questions name the area of the product's responsibility matrix they concern. */
export function asksArea(category: Category): boolean {
  return category === "incident" || category === "assistance";
}

export interface Draft {
  category: Category;
  service: string;
  universe: Universe;
  area: string;
  impact: Level;
  urgency: Level;
  subject: string;
  body: string;
  /** Asked only where the partner could use it (see fast-path.tsx). */
  fastPath: boolean;
}

/** The intake query for a draft, or null while it lacks what the API needs to answer. */
export function intakeQuery(draft: Draft) {
  const base = { category: draft.category, impact: draft.impact, urgency: draft.urgency };
  if (!needsService(draft.category)) return { ...base, universe: draft.universe };
  if (!draft.service) return null;
  const area = asksArea(draft.category) && draft.area ? { area: draft.area } : {};
  const fastPath = draft.fastPath ? { fastPath: true } : {};
  return { ...base, service: draft.service, ...area, ...fastPath };
}

export function fetchIntake(query: NonNullable<ReturnType<typeof intakeQuery>>) {
  return api.GET("/api/v1/tickets/intake", { params: { query } });
}
export type Intake = NonNullable<Awaited<ReturnType<typeof fetchIntake>>["data"]>;

export function fetchMatrix(product: string, lang: "en" | "fr" | "ru") {
  return api.GET("/api/v1/catalog/products/{id}/responsibilities", {
    params: { path: { id: product }, query: { lang } },
  });
}
export type MatrixRow = NonNullable<
  Awaited<ReturnType<typeof fetchMatrix>>["data"]
>["items"][number];

/** The body of POST /tickets: only the fields this kind of question takes. */
export function ticketBody(draft: Draft) {
  const common = {
    category: draft.category,
    impact: draft.impact,
    urgency: draft.urgency,
    subject: draft.subject,
    body: draft.body,
  };
  if (!needsService(draft.category)) return { ...common, universe: draft.universe };
  const area = asksArea(draft.category) && draft.area ? { area: draft.area } : {};
  const fastPath = draft.fastPath ? { fastPath: true } : {};
  return { ...common, service: draft.service, ...area, ...fastPath };
}
