/**
 * The one template helper for texts rendered outside i18next: the calculation module's explanations
 * (./messages.ts), the eligibility texts (lib/eligibility/messages.ts) and the API error messages
 * (lib/http/api-error.ts). Pure, so it can live inside lib/policy. Templates use i18next-style
 * {{placeholders}}; each is compiled once into literal/slot parts so rendering is a single pass
 * with no regular expressions.
 */

/** A template as literals around its placeholders: lits[0] slot[0] lits[1] … lits[n]. */
export interface CompiledTemplate {
  lits: string[];
  slots: string[];
}

export type Vars = Record<string, string | number>;

export class MissingMessageError extends Error {}

export function compileTemplate(text: string): CompiledTemplate {
  const lits: string[] = [];
  const slots: string[] = [];
  let i = 0;
  for (;;) {
    const open = text.indexOf("{{", i);
    const close = open < 0 ? -1 : text.indexOf("}}", open + 2);
    if (close < 0) {
      lits.push(text.slice(i));
      return { lits, slots };
    }
    lits.push(text.slice(i, open));
    slots.push(text.slice(open + 2, close).trim());
    i = close + 2;
  }
}

/** Fill a compiled template; a placeholder without a value renders as nothing. */
export function renderTemplate({ lits, slots }: CompiledTemplate, vars?: Vars): string {
  let out = lits[0];
  for (let i = 0; i < slots.length; i++) {
    const v = vars?.[slots[i]];
    if (v !== undefined) out += typeof v === "string" ? v : String(v);
    out += lits[i + 1];
  }
  return out;
}

/** Compile and fill in one go (for a text used once). */
export function fillTemplate(text: string, vars?: Vars): string {
  return renderTemplate(compileTemplate(text), vars);
}

/** A catalog of templates keyed by dotted path ("layer.backstop.name"), compiled once. */
export class TemplateCatalog {
  private readonly compiled = new Map<string, CompiledTemplate>();

  constructor(
    tree: unknown,
    private readonly name: string,
  ) {
    const walk = (node: unknown, prefix: string) => {
      if (typeof node === "string") {
        this.compiled.set(prefix, compileTemplate(node));
        return;
      }
      if (node && typeof node === "object") {
        for (const [k, v] of Object.entries(node as Record<string, unknown>)) walk(v, prefix ? `${prefix}.${k}` : k);
      }
    };
    walk(tree, "");
  }

  /** Render `key`; throws on a missing key (a bug, caught by the tests). */
  t(key: string, vars?: Vars): string {
    return renderTemplate(this.get(key), vars);
  }

  /** The compiled template `key` (throws on a missing key, as t does). */
  template(key: string): CompiledTemplate {
    return this.get(key);
  }

  /** The placeholder names a template uses (so callers compute only what is shown). */
  slots(key: string): string[] {
    return [...this.get(key).slots];
  }

  has(key: string): boolean {
    return this.compiled.has(key);
  }

  keys(): string[] {
    return [...this.compiled.keys()];
  }

  private get(key: string): CompiledTemplate {
    const compiled = this.compiled.get(key);
    if (!compiled) throw new MissingMessageError(`missing message ${this.name}:${key}`);
    return compiled;
  }
}
