/** A JsonLogic expression (https://jsonlogic.com): literals, arrays, or `{ operator: args }`. */
export type JsonLogic = null | boolean | number | string | JsonLogic[] | { [operator: string]: JsonLogic };
