/** Routes of the content pages, relative to WEB_PATHS.content. */
export const CONTENT = {
  page: '/',
  teach: '/teach',
  undo: '/undo',
} as const;

/** The `action` field of a teaching form: which of the three teachings it is. */
export const TEACH_ACTIONS = {
  passage: 'passage',
  outOfScope: 'out_of_scope',
  contact: 'contact',
} as const;
