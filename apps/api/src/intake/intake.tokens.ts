/** Injection token for the folder where uploaded files wait for their import job. */
export const IMPORT_SPOOL_DIR = Symbol('IMPORT_SPOOL_DIR');

/** Injection token for the largest file an upload may carry, in bytes. */
export const IMPORT_UPLOAD_LIMIT = Symbol('IMPORT_UPLOAD_LIMIT');

/** Injection token for what an uploaded file may unpack to and hold (see ImportLimits). */
export const IMPORT_LIMITS = Symbol('IMPORT_LIMITS');
