/** English strings of the staff desk screens (ui/src/pages/desk/), spread into en.ts. */
export const deskEn = {} as const;

export type DeskKey = keyof typeof deskEn;
