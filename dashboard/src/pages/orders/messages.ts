/** The orders pages' messages (merged into the dictionary in app/i18n.ts). Chinese first; English must have every key. */
export const ordersZh = {
} as const;

export const ordersEn: Record<keyof typeof ordersZh, string> = {
};
