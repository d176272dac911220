/** A dictionary's shape with every string literal widened to string, so other languages can fill it. */
export type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
