/**
 * The reports `venvguard check` can print (`--output-format`, `output-format` in the settings):
 * the two text styles and the machine formats. One list for the CLI's choices, the settings
 * check and the reporters' table.
 */
export const OUTPUT_FORMATS = ['concise', 'full', 'json', 'sarif', 'github'] as const;

export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
