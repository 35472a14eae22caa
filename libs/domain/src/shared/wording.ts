/**
 * Enumerated values as the API spells them in messages: the GraphQL enums name each value in
 * upper case (a vote of `objection` is OBJECTION there), and a message should read the same.
 */
export const asInSchema = (value: string): string => value.toUpperCase();

/** `a` or `an` before a word as spoken (an OBJECTION, a BLOCK). */
export const withArticle = (word: string): string =>
  `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
