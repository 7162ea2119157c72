import { type Static, Type } from "@sinclair/typebox";
import { AppError } from "./problem.ts";

export const MAX_PAGE_SIZE = 100;

/** Query parameters every list endpoint accepts. */
export const PageQuery = {
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 25, description: "Page size" }),
  ),
  cursor: Type.Optional(
    Type.String({
      maxLength: 512,
      description: "Opaque cursor from the previous page's nextCursor",
    }),
  ),
};

/** The envelope of every list response. */
export function Page<T extends import("@sinclair/typebox").TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()], {
      description: "Pass as cursor to get the next page; null on the last page",
    }),
  });
}
export type PageOf<T> = { items: T[]; nextCursor: string | null };

/** Cursors carry the last row's sort key; opaque to clients, checked on the way back in. */
export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor(
  cursor: string | undefined,
  arity: number,
): (string | number)[] | null {
  if (cursor === undefined) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(key) &&
      key.length === arity &&
      key.every((part) => typeof part === "string" || typeof part === "number")
    ) {
      return key;
    }
  } catch {
    // fall through to the typed error below
  }
  throw new AppError("invalid_cursor", "The cursor is not one this endpoint issued", [
    { field: "cursor", in: "query", message: "not a cursor issued by this endpoint" },
  ]);
}

/** Fetches limit+1 rows upstream; this trims the extra and builds the next cursor from it. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => (string | number)[],
  present: (row: Row) => Item,
): PageOf<Item> {
  const hasMore = rows.length > limit;
  const visible = hasMore ? rows.slice(0, limit) : rows;
  const last = visible.at(-1);
  return {
    items: visible.map(present),
    nextCursor: hasMore && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}

export type PageQueryT = Static<ReturnType<typeof Type.Object<typeof PageQuery>>>;
