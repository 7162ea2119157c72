/** English strings of the staff admin screens (ui/src/pages/admin/), spread into en.ts. */
export const adminEn = {} as const;

export type AdminKey = keyof typeof adminEn;
