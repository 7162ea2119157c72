import type { DeskKey } from "./desk-en.ts";

export const deskRu: Record<DeskKey, string> = {};
