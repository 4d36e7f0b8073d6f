/** The portal pages' messages (merged into the dictionary in app/i18n.ts). Chinese first; English must have every key. */
export const portalZh = {
} as const;

export const portalEn: Record<keyof typeof portalZh, string> = {
};
