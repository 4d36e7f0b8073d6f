/** The rectification pages' messages (merged into the dictionary in app/i18n.ts). Chinese first; English must have every key. */
export const rectificationZh = {
} as const;

export const rectificationEn: Record<keyof typeof rectificationZh, string> = {
};
