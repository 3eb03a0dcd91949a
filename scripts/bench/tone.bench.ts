/**
 * The tone check on a 300-word letter, which it must answer as the owner types.
 *
 * 1. In this process, the pure `toneCheck` (shared/letters/tone) against two floors measured
 *    on the same text in the same run, interleaved in blocks: `text.split(/\s+/)` and one plain
 *    case-insensitive regex scan for a dozen harsh words. Also its two halves (the rules, the
 *    reading level), and "typing": each call on the letter with one new word appended, so the
 *    syllable memo meets a word it has not seen, as it does on a keystroke.
 * 2. Over HTTP from headless mode: `letters.toneCheck` with the same letter, sequential
 *    keep-alive calls, against `app.info` on the same connection (what any call costs).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { findToneIssues, readingLevel, toneCheck } from '../../shared/letters/tone';
import { callApi, keepAliveAgent, valueOf, type ApiTarget } from './http-client';
import { headlessEntry, startHeadlessServer, stopHeadlessServer } from './headless-server';
import { makeTempFolder, removeTempFolder } from './processes';
import type { BenchResult, Row } from './report';
import { round, summarize, type Summary } from './stats';

const pinnedNow = '2027-03-15T09:00:00Z';
const inProcessWarmUps = 300;
const inProcessRuns = 3000;
/** Measured calls alternate between the check and the floors in blocks, so a slower stretch
 *  of the machine falls on all alike. */
const blocks = 10;
const httpWarmUps = 100;
const httpCalls = 1000;
const targetMs = 5;

/**
 * A firm letter of 300 words, written the way an owner under strain might: a few harsh
 * phrases for the rules to find, amounts, dates and an invoice number for the counters to skip.
 */
const letterParagraphs = [
  'Dear Mr Thompson,',
  'I am writing about invoice INV-2291 for £1,480.00, which was due on 14 February and is now more than thirty days overdue. You have ignored my last three emails, and I have not had a reply to the letter I posted on 3 March.',
  'I know that running a business is hard work, and that cash can be tight at this time of year. If there is a problem with the work we did on the kitchen extension, or with the invoice itself, please tell me and I will look into it straight away. I would much rather sort this out with you directly.',
  'If paying everything at once is difficult, we could split the balance into three monthly payments of £493.33. Just reply to this email or give me a ring on 07700 900123 and we can agree dates that suit you.',
  'However, this cannot go on. Payment must be made within 7 days. Failure to pay will result in further action, and a late payment fee of £40 will be added to your account. If I do not hear from you by 28 March, I will have no choice but to pass this to a debt collection agency and take legal action to recover the full amount, including my costs. This is your final warning!!',
  'You can pay by bank transfer to Harbour Joinery Ltd, sort code 12-34-56, account 12345678, quoting INV-2291 as the reference. Card payments are also welcome through the secure link at the foot of the invoice.',
  'If you have already paid, thank you, and please ignore this letter. Payments and reminders sometimes cross in the post, and I would hate to chase something that is already on its way. A quick note to say it has gone would be very welcome.',
  'Yours sincerely,',
  'Alex Morgan\nHarbour Joinery',
];
const letter = letterParagraphs.join('\n\n');

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** One harsh-word regex: the least a keyword tone check could cost. */
const plainScan =
  /\b(legal|court|bailiffs?|collectors?|final|immediately|fee|interest|failure|ignored|idiot|damn)\b/gi;

/** A word of letters only (digits would be skipped by the counters), new for every `n`. */
function newWord(n: number): string {
  let word = '';
  for (let value = n + 26 * 26; value > 0; value = Math.floor(value / 26)) {
    word += String.fromCharCode(97 + (value % 26));
  }
  return word;
}

interface InProcess {
  toneCheck: number[];
  rules: number[];
  reading: number[];
  typing: number[];
  split: number[];
  scan: number[];
}

function timeOnce(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

function measureInProcess(): InProcess {
  const samples: InProcess = {
    toneCheck: [],
    rules: [],
    reading: [],
    typing: [],
    split: [],
    scan: [],
  };
  let sink = 0;
  const work = {
    toneCheck: () => (sink += toneCheck(letter).findings.length),
    rules: () => (sink += findToneIssues(letter).length),
    reading: () => (sink += readingLevel(letter).words),
    split: () => (sink += letter.split(/\s+/).length),
    scan: () => (sink += [...letter.matchAll(plainScan)].length),
  };
  let typed = 0;
  const typing = () => (sink += toneCheck(`${letter} ${newWord(typed++)}`).findings.length);
  for (let i = 0; i < inProcessWarmUps; i++) {
    for (const run of Object.values(work)) run();
    typing();
  }
  const perBlock = inProcessRuns / blocks;
  for (let block = 0; block < blocks; block++) {
    for (const [name, run] of Object.entries(work) as [keyof typeof work, () => number][]) {
      for (let i = 0; i < perBlock; i++) samples[name].push(timeOnce(run));
    }
    for (let i = 0; i < perBlock; i++) samples.typing.push(timeOnce(typing));
  }
  if (sink === 0) throw new Error('The benchmark found nothing at all: the letter is wrong.');
  return samples;
}

async function timeHttp(
  server: ApiTarget,
  method: string,
  input: unknown,
  count: number,
): Promise<number[]> {
  const agent = keepAliveAgent();
  const samples: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      const answer = await callApi(server, method, input, agent);
      samples.push(performance.now() - start);
      valueOf(method, answer);
    }
  } finally {
    agent.destroy();
  }
  return samples;
}

async function measureHttp(): Promise<{ toneCheck: number[]; appInfo: number[] }> {
  if (!existsSync(headlessEntry)) {
    throw new Error(`${headlessEntry} is missing: run \`npm run build\` first.`);
  }
  const dataDir = await makeTempFolder('goodwill-bench-tone-');
  try {
    const token = `bench_${randomBytes(18).toString('base64url')}`;
    const server = await startHeadlessServer(dataDir, token, { GOODWILL_NOW: pinnedNow });
    try {
      const input = { text: letter, locale: 'en-GB' };
      const answer = valueOf(
        'letters.toneCheck',
        await callApi(server, 'letters.toneCheck', input, false),
      );
      const local = toneCheck(letter, { locale: 'en-GB' });
      if (JSON.stringify(answer) !== JSON.stringify(local)) {
        throw new Error('letters.toneCheck over HTTP answered differently from toneCheck here.');
      }
      await timeHttp(server, 'letters.toneCheck', input, httpWarmUps);
      await timeHttp(server, 'app.info', {}, httpWarmUps);
      const toneSamples: number[] = [];
      const infoSamples: number[] = [];
      const perBlock = httpCalls / blocks;
      for (let block = 0; block < blocks; block++) {
        toneSamples.push(...(await timeHttp(server, 'letters.toneCheck', input, perBlock)));
        infoSamples.push(...(await timeHttp(server, 'app.info', {}, perBlock)));
      }
      return { toneCheck: toneSamples, appInfo: infoSamples };
    } finally {
      await stopHeadlessServer(server);
    }
  } finally {
    await removeTempFolder(dataDir);
  }
}

export async function runToneBench(): Promise<BenchResult> {
  const words = wordCount(letter);
  // The first call of the process: the regular expressions compile, the code is not yet hot.
  const firstCallMs = timeOnce(() => toneCheck(letter));
  const report = toneCheck(letter);
  process.stderr.write(`  in process: toneCheck on a ${words}-word letter ...\n`);
  const local = measureInProcess();
  process.stderr.write('  headless mode: letters.toneCheck over HTTP ...\n');
  const http = await measureHttp();

  const s = (samples: number[]): Summary => summarize(samples);
  const checkSummary = s(local.toneCheck);
  const splitSummary = s(local.split);
  const scanSummary = s(local.scan);
  const httpSummary = s(http.toneCheck);
  const infoSummary = s(http.appInfo);
  const rows: Row[] = [
    {
      label: `toneCheck, ${words}-word letter (in process)`,
      unit: 'ms',
      summary: checkSummary,
      target: { figure: 'median', below: targetMs },
    },
    { label: '  its rules (findToneIssues)', unit: 'ms', summary: s(local.rules) },
    { label: '  its reading level', unit: 'ms', summary: s(local.reading) },
    { label: 'toneCheck, first call of the process', unit: 'ms', value: round(firstCallMs) },
    { label: 'toneCheck, one new word a call (typing)', unit: 'ms', summary: s(local.typing) },
    { label: 'floor: text.split(/\\s+/)', unit: 'ms', summary: splitSummary },
    { label: 'floor: one harsh-word regex scan', unit: 'ms', summary: scanSummary },
    {
      label: 'toneCheck / regex scan (medians)',
      unit: '×',
      value: round(checkSummary.median / scanSummary.median, 1),
    },
    { label: 'letters.toneCheck over HTTP', unit: 'ms', summary: httpSummary },
    { label: 'app.info over HTTP (same connection)', unit: 'ms', summary: infoSummary },
  ];
  return {
    name: 'tone',
    title: `Tone check: a ${words}-word letter with ${report.findings.length} findings, grade ${report.readingLevel.grade}`,
    notes: [
      `In process: ${inProcessRuns} timed calls of each (after ${inProcessWarmUps} warm-ups), interleaved in ${blocks} blocks with the two floors on the same text.`,
      'Typing: each call checks the letter plus one word never seen before, so the syllable memo misses once a call.',
      `HTTP: ${httpCalls} sequential keep-alive calls to headless mode, alternating in blocks with app.info; the answer was first checked equal to toneCheck here.`,
      `Target: median under ${targetMs} ms in process (the check runs on every keystroke).`,
    ],
    rows,
    details: {
      letter,
      words,
      findings: report.findings.map((f) => ({ ruleId: f.ruleId, text: f.text })),
      readingLevel: report.readingLevel,
      score: report.score,
      samples: { ...local, http },
    },
  };
}
