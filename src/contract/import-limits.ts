/**
 * The limits of a staged import (a file uploaded in parts), shared by the admin page and the
 * server. Zod-free, so that the page can import them without bundling the schemas.
 */

/** One part, as JSON text in the payload, in bytes: far under the bridge's 500 KB, and under Forge storage's 240 KiB a value. */
export const IMPORT_CHUNK_MAX_BYTES = 200 * 1024;

/** The largest file the admin page uploads. */
export const IMPORT_FILE_MAX_BYTES = 20 * 1024 * 1024;

/** Parts of one file: 20 MB in parts of at least 100 KB, with room to spare. */
export const IMPORT_MAX_PARTS = 400;

/** The largest number of epics one staged import applies (in bounded steps). */
export const IMPORT_STAGED_EPIC_LIMIT = 5000;

/** How long uploaded parts and an import's state are kept. */
export const IMPORT_TTL_SECONDS = 60 * 60;
