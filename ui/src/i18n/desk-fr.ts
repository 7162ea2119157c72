import type { DeskKey } from "./desk-en.ts";

export const deskFr: Record<DeskKey, string> = {};
