/**
 * Letters: the templates (defaults, the owner's edits with every version kept, reset), and
 * drafts for a real customer as text, HTML and a printable PDF. A template is checked on save
 * (variables, balanced tags, length) and nothing is stored when it fails.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/api/errors';
import type { DocumentFile } from '../../shared/api/invoices';
import type {
  DraftInput,
  LetterDraft,
  TemplateDetail,
  TemplateSummary,
} from '../../shared/api/letters';
import type { Clock } from '../../shared/dates';
import { defaultTemplate } from '../../shared/letters/default-templates';
import {
  isFinalStep,
  occasionNames,
  occasions,
  planLetterOccasion,
  type Occasion,
} from '../../shared/letters/occasions';
import {
  checkTemplate,
  renderLetter,
  TemplateError,
  type LetterTemplate,
  type RenderedLetter,
} from '../../shared/letters/render';
import { variablesFor } from '../../shared/letters/variables';
import { toneCheck } from '../../shared/letters/tone';
import { isSupportedLocale } from '../../shared/locales';
import type { Settings } from '../../shared/settings';
import { appendEvent } from '../db/events.repository';
import type { DB } from '../db/schema';
import { effectiveLateTerms } from '../db/terms.repository';
import { letterFileName } from '../documents/file-name';
import { letterDataFor } from '../letters/letter-data';
import {
  addVersion,
  currentTemplates,
  versionsOf,
  type TemplateRow,
} from '../letters/templates.repository';

// pdfkit loads only when the first letter is printed.
const loadLetterPdf = () => import('../documents/letter-pdf');

export interface LettersService {
  templates(): Promise<TemplateSummary[]>;
  template(occasion: Occasion): Promise<TemplateDetail>;
  saveTemplate(input: {
    occasion: Occasion;
    subject: string;
    body: string;
  }): Promise<TemplateDetail>;
  resetTemplate(occasion: Occasion): Promise<TemplateDetail>;
  draft(input: DraftInput): Promise<LetterDraft>;
  pdf(input: DraftInput): Promise<DocumentFile>;
}

function asInvalidInput(error: unknown): never {
  if (error instanceof TemplateError) {
    throw new AppError('invalid_input', error.message, error.problem.field);
  }
  throw error;
}

export function createLettersService(deps: {
  db: Kysely<DB>;
  clock: Clock;
  settings: () => Promise<Settings>;
}): LettersService {
  const { db, clock } = deps;

  /** The template in force: the owner's newest version, or the default in their language. */
  function effective(
    occasion: Occasion,
    row: TemplateRow | undefined,
    locale: string,
  ): LetterTemplate {
    if (row && row.subject !== null && row.body !== null)
      return { subject: row.subject, body: row.body };
    return defaultTemplate(occasion, locale);
  }

  async function detail(occasion: Occasion): Promise<TemplateDetail> {
    const settings = await deps.settings();
    const versions = await versionsOf(db, occasion);
    const current = versions[0];
    const template = effective(occasion, current, settings.locale);
    const fallback = defaultTemplate(occasion, settings.locale);
    return {
      occasion,
      name: occasionNames[occasion],
      version: current?.version ?? 0,
      customised: Boolean(current && current.subject !== null),
      updatedAt: current?.created_at ?? null,
      subject: template.subject,
      body: template.body,
      defaultSubject: fallback.subject,
      defaultBody: fallback.body,
      variables: variablesFor(occasion),
      versions: versions.map((row) => ({
        version: row.version,
        createdAt: row.created_at,
        customised: row.subject !== null,
      })),
      tone: toneCheck(`${template.subject}\n\n${template.body}`, {
        ...(isSupportedLocale(settings.locale) ? { locale: settings.locale } : {}),
        finalStep: isFinalStep(occasion),
      }),
    };
  }

  /**
   * `occasion`: the one the letter was written from. A hardship plan's letters come from the
   * hardship templates (planLetterOccasion), whichever plan occasion was asked for.
   */
  async function render(input: DraftInput): Promise<{
    letter: RenderedLetter;
    data: Awaited<ReturnType<typeof letterDataFor>>;
    occasion: Occasion;
  }> {
    const settings = await deps.settings();
    const now = clock.now();
    const data = await letterDataFor(db, input, { settings, now });
    const occasion = planLetterOccasion(input.occasion, data.plan?.hardship === true);
    let template: LetterTemplate;
    if (input.subject !== undefined && input.body !== undefined) {
      template = { subject: input.subject, body: input.body };
    } else {
      const [row] = await versionsOf(db, occasion);
      // A customer's own language decides the default's spelling; an edited template is used as written.
      template = effective(occasion, row, data.locale);
    }
    try {
      return { letter: renderLetter(occasion, template, data), data, occasion };
    } catch (error) {
      return asInvalidInput(error);
    }
  }

  return {
    async templates() {
      const rows = new Map((await currentTemplates(db)).map((row) => [row.occasion, row]));
      return occasions.map((occasion) => {
        const row = rows.get(occasion);
        return {
          occasion,
          name: occasionNames[occasion],
          version: row?.version ?? 0,
          customised: Boolean(row && row.subject !== null),
          updatedAt: row?.created_at ?? null,
        };
      });
    },

    template: (occasion) => detail(occasion),

    async saveTemplate(input) {
      try {
        checkTemplate(input.occasion, { subject: input.subject, body: input.body });
      } catch (error) {
        asInvalidInput(error);
      }
      const before = await detail(input.occasion);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const version = await addVersion(trx, {
          occasion: input.occasion,
          subject: input.subject,
          body: input.body,
          createdAt: now,
        });
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'letters.template_saved',
          summary: `The "${occasionNames[input.occasion]}" letter was edited (version ${version}).`,
          details: {
            occasion: input.occasion,
            version,
            before: { subject: before.subject, body: before.body },
            after: { subject: input.subject, body: input.body },
          },
        });
      });
      return detail(input.occasion);
    },

    async resetTemplate(occasion) {
      const before = await detail(occasion);
      if (!before.customised) return before;
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const version = await addVersion(trx, {
          occasion,
          subject: null,
          body: null,
          createdAt: now,
        });
        await appendEvent(trx, {
          occurredAt: now,
          kind: 'letters.template_reset',
          summary: `The "${occasionNames[occasion]}" letter is back to the default (version ${version}).`,
          details: { occasion, version, before: { subject: before.subject, body: before.body } },
        });
      });
      return detail(occasion);
    },

    async draft(input) {
      const { letter, data, occasion } = await render(input);
      const lateTerms = await effectiveLateTerms(db, input.customerId);
      return {
        occasion,
        customerId: input.customerId,
        locale: data.locale,
        subject: letter.subject,
        text: letter.text,
        html: letter.html,
        variablesUsed: letter.variablesUsed,
        invoiceNumbers: data.invoices.map((invoice) => invoice.number),
        date: data.today,
        // The words checked as the customer will read them, subject first.
        tone: toneCheck(`${letter.subject}\n\n${letter.text}`, {
          ...(isSupportedLocale(data.locale) ? { locale: data.locale } : {}),
          finalStep: isFinalStep(occasion),
          // Late charges in the customer's terms (their own or the business's), or claimed
          // or waived under them, are agreed: saying so is not a threat.
          agreedFees: data.lateCharges !== undefined || lateTerms.kind !== 'off',
        }),
      };
    },

    async pdf(input) {
      const { letter, data } = await render(input);
      const { renderLetterPdf } = await loadLetterPdf();
      const pdf = await renderLetterPdf({ letter, data, now: clock.now() });
      return {
        fileName: letterFileName({ date: data.today, customerName: data.customer.name }),
        contentBase64: pdf.toString('base64'),
      };
    },
  };
}
