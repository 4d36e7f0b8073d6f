/** The inspections pages' messages (merged into the dictionary in app/i18n.ts). Chinese first; English must have every key. */
export const inspectionsZh = {
} as const;

export const inspectionsEn: Record<keyof typeof inspectionsZh, string> = {
};
