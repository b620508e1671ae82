/**
 * Minimal types for the parts of Eleventy 3 the project uses (it ships none).
 */
declare module '@11ty/eleventy' {
  /** The `eleventyConfig` object passed to config functions and plugins. */
  export type UserConfig = {
    addPlugin(plugin: unknown, options?: unknown): void;
    addGlobalData(name: string, data: unknown): void;
    addFilter(name: string, fn: (...args: any[]) => unknown): void;
    addPassthroughCopy(paths: string | Record<string, string>): void;
    setTemplateFormats(formats: string[]): void;
    [key: string]: any;
  };
  export const HtmlBasePlugin: unknown;
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: Record<string, unknown>);
    write(): Promise<unknown>;
    toJSON(): Promise<Array<{ url: string; inputPath: string; outputPath: string; content: string }>>;
  }
}
