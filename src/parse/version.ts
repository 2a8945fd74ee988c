// Its own module so the parse cache can name the parser's version without loading the parser.

/** Bumped whenever parser output may change for the same input: cache entries of another version are ignored. */
export const PARSER_VERSION = '3';
