/** Injection token for the folder where uploaded files wait for their import job. */
export const IMPORT_SPOOL_DIR = Symbol('IMPORT_SPOOL_DIR');
