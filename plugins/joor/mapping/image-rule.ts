import type { ExportSizeRule } from "../../../src/plugin";

/** The URL name of JOOR's rendition (`/media/export/660x900/…`); part of the image ledger hash, so it stays. */
export const JOOR_IMAGE_SIZE = "660x900";

/**
 * JOOR's Image 1: the 660×900 ratio (11:15), at most 1320×1800 pixels, a JPEG within 4 MB (JOOR's limit on v2;
 * v4 takes 10 MB). Declared in the plugin's `exportSizes`, so the host serves it.
 */
export const JOOR_IMAGE_RULE: ExportSizeRule = { ratioWidth: 660, ratioHeight: 900, maxWidth: 1320, maxHeight: 1800, maxBytes: 4 * 1024 * 1024 };
