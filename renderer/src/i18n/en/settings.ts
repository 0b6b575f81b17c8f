/** English strings: settings. Every key must also exist in ../ko/settings.ts (enforced by its type and a test). */
export const settings = {

};
