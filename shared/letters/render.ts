/**
 * Strict rendering of letter templates with Mustache (logic-less). Before anything is
 * rendered the template is checked: tags must balance, every variable must be one the
 * occasion offers, and a template is at most 50,000 characters. While rendering, every
 * variable used must have a value, and the result may never contain `{{`, `undefined`,
 * `NaN` or an empty amount. Any failure is an error that names the variable or the problem.
 *
 * One rendered text feeds three outputs: plain text, HTML for email, and the parts of a
 * printed letter; tables are drawn by each output in its own form (see variables.ts).
 */
import Mustache from 'mustache';
import type { LetterData } from './letter-data';
import type { Occasion } from './occasions';
import {
  blockMarker,
  blockMarkerPattern,
  blockNames,
  buildView,
  variablesFor,
  type BlockName,
} from './variables';
import { blockHtml, blockText } from './blocks';

export const maxTemplateLength = 50_000;

export interface LetterTemplate {
  subject: string;
  body: string;
}

export interface TemplateProblem {
  field: 'subject' | 'body';
  message: string;
  /** The variable concerned, if any. */
  variable?: string;
}

export class TemplateError extends Error {
  override name = 'TemplateError';
  constructor(readonly problem: TemplateProblem) {
    super(problem.message);
  }
}

export type LetterPart = { kind: 'paragraph'; text: string } | { kind: 'block'; name: BlockName };

export interface RenderedLetter {
  subject: string;
  text: string;
  html: string;
  /** For the printed letter: paragraphs and blocks in order. */
  parts: LetterPart[];
  /** Every variable the template used, in order of first use. */
  variablesUsed: string[];
}

type Token = [string, string, number, number, Token[]?, number?];

function parse(source: string, field: TemplateProblem['field']): Token[] {
  try {
    return Mustache.parse(source) as unknown as Token[];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new TemplateError({
      field,
      message: `The ${field} has unbalanced tags: ${message.replace(/ at \d+$/, '')}.`,
    });
  }
}

interface Scope {
  top: Map<string, { fields?: string[] }>;
  inner: Set<string>;
}

function checkTokens(
  tokens: Token[],
  scope: Scope,
  field: TemplateProblem['field'],
  used: string[],
) {
  for (const token of tokens) {
    const [type, name] = token;
    if (type === 'text' || type === '!') continue;
    if (type === '>' || type === '=') {
      throw new TemplateError({
        field,
        message: `The ${field} uses {{${type}${name}}}, which letters do not support.`,
      });
    }
    const known = scope.inner.has(name) || scope.top.has(name);
    if (!known) {
      throw new TemplateError({
        field,
        variable: name,
        message: `The ${field} uses {{${name}}}, which is not a variable of this letter.`,
      });
    }
    if (!used.includes(name)) used.push(name);
    if (field === 'subject' && (blockNames as readonly string[]).includes(name)) {
      throw new TemplateError({
        field,
        variable: name,
        message: `{{${name}}} is a block (a table or several lines) and cannot go in the subject.`,
      });
    }
    if (type === '#' || type === '^') {
      const fields = scope.top.get(name)?.fields ?? [];
      checkTokens(
        token[4] ?? [],
        { top: scope.top, inner: new Set([...scope.inner, ...fields]) },
        field,
        used,
      );
    }
  }
}

/** Checks a template against its occasion without rendering it; throws a TemplateError. */
export function checkTemplate(occasion: Occasion, template: LetterTemplate): string[] {
  const length = template.subject.length + template.body.length;
  if (length > maxTemplateLength) {
    throw new TemplateError({
      field: 'body',
      message: `The template is ${length.toLocaleString('en')} characters; at most ${maxTemplateLength.toLocaleString('en')}, please.`,
    });
  }
  if (template.subject.trim() === '') {
    throw new TemplateError({ field: 'subject', message: 'Please write a subject.' });
  }
  if (template.body.trim() === '') {
    throw new TemplateError({ field: 'body', message: 'Please write the letter.' });
  }
  const top = new Map(variablesFor(occasion).map((v) => [v.name, { fields: v.fields }]));
  const used: string[] = [];
  checkTokens(parse(template.subject, 'subject'), { top, inner: new Set() }, 'subject', used);
  checkTokens(parse(template.body, 'body'), { top, inner: new Set() }, 'body', used);
  return used;
}

function lookup(stack: readonly unknown[], name: string): unknown {
  for (let index = stack.length - 1; index >= 0; index -= 1) {
    let value: unknown = stack[index];
    let found = true;
    for (const part of name.split('.')) {
      if (value !== null && typeof value === 'object' && part in value) {
        value = (value as Record<string, unknown>)[part];
      } else {
        found = false;
        break;
      }
    }
    if (found) return value;
  }
  return undefined;
}

/** Every variable a render will print must have a value here. */
function checkValues(tokens: Token[], stack: unknown[], field: TemplateProblem['field']) {
  for (const token of tokens) {
    const [type, name] = token;
    if (type === 'text' || type === '!') continue;
    const value = lookup(stack, name);
    if (type === 'name' || type === '&') {
      if (
        value === undefined ||
        value === null ||
        (typeof value === 'string' && value.trim() === '')
      ) {
        throw new TemplateError({
          field,
          variable: name,
          message: `{{${name}}} has no value for this letter.`,
        });
      }
      continue;
    }
    if (type === '#') {
      if (Array.isArray(value)) {
        for (const item of value) checkValues(token[4] ?? [], [...stack, item], field);
      } else if (value) {
        checkValues(token[4] ?? [], stack, field);
      }
    } else if (type === '^' && (!value || (Array.isArray(value) && value.length === 0))) {
      checkValues(token[4] ?? [], stack, field);
    }
  }
}

const forbidden = [/\{\{/, /\}\}/, /\bundefined\b/, /\bNaN\b/, /\bnull\b/];

function renderChecked(
  source: string,
  view: Record<string, unknown>,
  field: TemplateProblem['field'],
) {
  const tokens = parse(source, field);
  checkValues(tokens, [view], field);
  const text = Mustache.render(source, view, {}, { escape: (value: string) => value });
  for (const pattern of forbidden) {
    const match = pattern.exec(text);
    if (match) {
      throw new TemplateError({
        field,
        message: `The ${field} came out with "${match[0]}" in it; please check the variables.`,
      });
    }
  }
  return text;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Paragraphs and blocks of rendered text: blank lines part paragraphs, blocks stand alone. */
function toParts(text: string): LetterPart[] {
  const parts: LetterPart[] = [];
  for (const chunk of text.split(blockMarkerPattern)) {
    if ((blockNames as readonly string[]).includes(chunk)) {
      parts.push({ kind: 'block', name: chunk as BlockName });
      continue;
    }
    for (const paragraph of chunk.split(/\n[ \t]*\n/)) {
      const trimmed = paragraph.replace(/^\s*\n|\n\s*$/g, '').trimEnd();
      if (trimmed.trim() !== '') parts.push({ kind: 'paragraph', text: trimmed.trim() });
    }
  }
  return parts;
}

export function renderLetter(
  occasion: Occasion,
  template: LetterTemplate,
  data: LetterData,
): RenderedLetter {
  const variablesUsed = checkTemplate(occasion, template);
  const view = buildView(data, occasion);
  const subject = renderChecked(template.subject, view, 'subject').replace(/\s+/g, ' ').trim();
  const body = renderChecked(template.body, view, 'body');
  const parts = toParts(body);
  const text = parts
    .map((part) => (part.kind === 'paragraph' ? part.text : blockText(part.name, data)))
    .join('\n\n');
  const html = parts
    .map((part) =>
      part.kind === 'paragraph'
        ? `<p>${escapeHtml(part.text).replace(/\n/g, '<br>\n')}</p>`
        : blockHtml(part.name, data),
    )
    .join('\n');
  return { subject, text: `${text}\n`, html, parts, variablesUsed };
}

export { blockMarker };
