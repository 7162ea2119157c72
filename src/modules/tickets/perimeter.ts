import type { Config } from "../../config.ts";
import type { Database } from "../../db/database.ts";
import type { Language, Owner, Translations, Universe } from "../../db/schema.ts";
import { AppError, type FieldError } from "../../http/problem.ts";
import { translator } from "../../i18n/index.ts";

/**
 * The perimeter of responsibility at intake and during a ticket: which row of the product's
 * published matrix the problem concerns, whether it is ours, and where to get help when not.
 */

export interface AreaRow {
  area: string;
  owner: Owner;
  explanation: Translations;
}

export const MAX_PARTNERS = 5;

/** The matrix row of `area` for `product`, or a 400 naming the field. */
export async function requireArea(
  db: Database,
  product: string,
  area: string,
  where: FieldError["in"] = "body",
): Promise<AreaRow> {
  const row = await db
    .selectFrom("responsibility_areas")
    .select(["area", "owner", "explanation"])
    .where("product", "=", product)
    .where("area", "=", area)
    .executeTakeFirst();
  if (!row) {
    const message = `"${area}" is not an area of the ${product} responsibility matrix`;
    throw new AppError("validation_failed", `area: ${message}`, [
      { field: "area", in: where, message },
    ]);
  }
  return row;
}

/** Only what is wholly the customer's is out of our perimeter; shared areas are ours too. */
export function isOutOfPerimeter(owner: Owner): boolean {
  return owner === "customer";
}

export function explanationIn(row: AreaRow, lang: Language): string {
  return row.explanation[lang] ?? row.explanation.en;
}

export interface Help {
  documentationUrl: string;
  partners: { nicHandle: string; name: string }[];
}

export function documentationUrl(config: Config, product: string): string {
  return config.productDocsUrl.replaceAll("{product}", encodeURIComponent(product));
}

/**
 * Where a customer gets help with what is its own to do: the product's documentation and
 * certified technical partners of the universe, those already tech contact of services there.
 */
export async function helpFor(
  db: Database,
  config: Config,
  product: string,
  universe: Universe,
  excludeAccountId: string | null,
): Promise<Help> {
  const partners = await db
    .selectFrom("accounts as a")
    .select(["a.nic_handle", "a.name"])
    .where("a.programme", "=", "technical-partner")
    .where("a.certified_at", "is not", null)
    .$if(excludeAccountId !== null, (q) => q.where("a.id", "!=", excludeAccountId as string))
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("services as s")
          .innerJoin("products as p", "p.code", "s.product")
          .select("s.id")
          .whereRef("s.tech_account_id", "=", "a.id")
          .where("p.universe", "=", universe),
      ),
    )
    .orderBy("a.name")
    .orderBy("a.nic_handle")
    .limit(MAX_PARTNERS)
    .execute();
  return {
    documentationUrl: documentationUrl(config, product),
    partners: partners.map((p) => ({ nicHandle: p.nic_handle, name: p.name })),
  };
}

/** The agent's out-of-perimeter answer, citing the matrix row in the ticket's language. */
export function outOfPerimeterAnswer(
  lang: Language,
  product: string,
  row: AreaRow,
  help: Help,
): string {
  const t = translator(lang);
  const partners =
    help.partners.length > 0
      ? help.partners.map((p) => `- ${p.name} (${p.nicHandle})`).join("\n")
      : t("ticket.outOfPerimeter.noPartners");
  return t("ticket.outOfPerimeter.answer", {
    product,
    area: row.area,
    owner: t(`ticket.owner.${row.owner}`),
    explanation: explanationIn(row, lang),
    documentationUrl: help.documentationUrl,
    partners,
  });
}
