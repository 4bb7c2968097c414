/** Error codes of the core. A person never sees a code or a stack trace, only a translated sentence. */
export enum ErrorCode {
  ContentFrontMatter = 'CONTENT_FRONT_MATTER',
  ContentField = 'CONTENT_FIELD',
  ContentMissing = 'CONTENT_MISSING',
  ContentReference = 'CONTENT_REFERENCE',
  ContentImport = 'CONTENT_IMPORT',
  IndexStale = 'INDEX_STALE',
  IndexInvalid = 'INDEX_INVALID',
}

/** Invalid or missing content (guidelines, vocabulary, cue words): the message names the file and field. */
export class ContentError extends Error {
  constructor(
    readonly code: `${ErrorCode}`,
    message: string,
  ) {
    super(message);
    this.name = 'ContentError';
  }
}

export function isContentError(err: unknown): err is ContentError {
  return err instanceof ContentError;
}
