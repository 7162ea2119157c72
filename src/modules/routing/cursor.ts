import { decodeCursor } from "../../http/pagination.ts";
import { AppError } from "../../http/problem.ts";

/** Queue cursors: [due time in microseconds or "none", priority, number]. */

const invalid = () =>
  new AppError("invalid_cursor", "The cursor is not one this endpoint issued", [
    { field: "cursor", in: "query", message: "not a cursor issued by this endpoint" },
  ]);

/** Microseconds since the epoch as ISO-8601 with six decimals, which PostgreSQL reads exactly. */
export function microsToIso(us: number): string {
  const ms = Math.floor(us / 1000);
  const rest = String(us - ms * 1000).padStart(3, "0");
  return `${new Date(ms).toISOString().slice(0, -1)}${rest}Z`;
}

const isMicros = (value: unknown): value is number =>
  typeof value === "number" && Number.isSafeInteger(value) && value < 253402300800000000;

/** The due-time part of a cursor key. */
export function dueKey(dueUs: number | null): string | number {
  return dueUs === null ? "none" : dueUs;
}

function dueOf(value: string | number | undefined): string | null {
  if (value === "none") return null;
  if (!isMicros(value)) throw invalid();
  return microsToIso(value);
}

const isNumber = (value: unknown): value is number =>
  typeof value === "number" && Number.isSafeInteger(value);

/** A queue position: due time, queue priority, ticket number. */
export function queueKeyOf(cursor: string | undefined) {
  const key = decodeCursor(cursor, 3);
  if (key === null) return null;
  const [due, priority, number] = key;
  if (!isNumber(priority) || !isNumber(number)) throw invalid();
  return { dueAt: dueOf(due), priority, number };
}

/** A position in a staff member's own tickets: due time, ticket number. */
export function heldKeyOf(cursor: string | undefined) {
  const key = decodeCursor(cursor, 2);
  if (key === null) return null;
  const [due, number] = key;
  if (!isNumber(number)) throw invalid();
  return { dueAt: dueOf(due), number };
}
