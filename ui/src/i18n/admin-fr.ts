import type { AdminKey } from "./admin-en.ts";

export const adminFr: Record<AdminKey, string> = {};
