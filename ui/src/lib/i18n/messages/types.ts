// The shape of a message catalogue: a plain string with `{name}` placeholders, or plural forms chosen by
// Intl.PluralRules for the `{n}` parameter. Dutch and English both need only "one" and "other".

export interface Plural {
  one: string;
  other: string;
}

export type Message = string | Plural;

/** The Dutch side of a namespace must have exactly the keys of the English side (checked by svelte-check). */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Plural };
