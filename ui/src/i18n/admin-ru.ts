import type { AdminKey } from "./admin-en.ts";

export const adminRu: Record<AdminKey, string> = {};
