/**
 * The tone check's rules: our own data, drawn from shared/reference/tone-patterns.md (which
 * cites the FDCPA, Regulation F, FCA CONC 7, s.40 of the Administration of Justice Act 1970 and
 * the CSA code) and checked against tone-test-set.ts. Each rule is a few phrase patterns, a
 * category and severity, why it reads badly, and gentler wording that keeps the meaning.
 *
 * How patterns are written and run (check.ts):
 * - JavaScript regular expressions, case-insensitive unless `caseSensitive`, run over the whole
 *   text after curly quotes are straightened (one character for one, so offsets hold). Write an
 *   apostrophe as `'`.
 * - `negatable`: a negation a few words before the match, in the same clause, means the sentence
 *   says the opposite ("we won't add any interest", "no further action is needed").
 * - `onlyWhenFeesNotAgreed`: the rule stays quiet when the context says fees were agreed.
 * - `unlessFinalStep`: quiet when the context says the letter is the final step.
 * - `examples`: sentences the rule must flag; rules.test.ts checks every one.
 * Suggestions use "[date]"-style gaps for the owner to fill. They are written in British
 * spelling; check.ts respells a few words for en-US.
 */
import type { ToneCategory, ToneSeverity } from './types';

export interface ToneRule {
  id: string;
  category: ToneCategory;
  severity: ToneSeverity;
  patterns: readonly string[];
  caseSensitive?: boolean;
  negatable?: boolean;
  onlyWhenFeesNotAgreed?: boolean;
  /** Quiet on the ladder's final notice and agency notice, where saying so is true. */
  unlessFinalStep?: boolean;
  why: string;
  suggestion: string;
  examples: readonly string[];
}

/** Words that shout when written in capitals (the capitals rule). */
const demandWords =
  'URGENT|IMMEDIATE|IMMEDIATELY|NOW|FINAL|OVERDUE|WARNING|DEMAND|NOTICE|MUST|PAY|LEGAL|ACTION|DEBT|OWE|OWED|TODAY|REQUIRED|IGNORE|NOT|LAST|CHANCE|COURT|SERIOUSLY|UNPAID';
/** A word in capitals, "I" and "A" included. */
const capsWord = "[A-Z][A-Z']*";

export const toneRules: readonly ToneRule[] = [
  // ------------------------------------------------------------ threat of legal action or third parties
  {
    id: 'legal-action',
    category: 'legal-threat',
    severity: 'high',
    negatable: true,
    patterns: [
      '\\b(legal|court) (action|proceedings|steps|remedies|route|measures)\\b',
      '\\b(commenc|start|begin|began|issu|instigat|initiat|institut|tak|bring|brought)\\w* (formal |legal |court )?proceedings\\b',
      '\\btak\\w* (you|this|the matter|this matter|it|the debt) to (the )?(small claims )?court\\b',
      '\\bsmall claims?\\b',
      '\\b(sue|sued|suing|lawsuit|litigation)\\b',
      "\\b(county|district|magistrates'?|civil) court\\b",
      '\\bcourt (claim|order|proceedings)\\b',
      '\\b(file|issue|lodge|start)\\w* an? (court |legal |small |money )?claim\\b',
      '\\b(seek|obtain|get|apply for)\\w* an? judg(e)?ment\\b',
      '\\bjudg(e)?ment against you\\b',
      '\\bletter before (action|claim)\\b',
    ],
    why: 'Talks of court or legal action. Say it only if you truly intend it, and give the date, or it reads as a threat.',
    suggestion:
      "I'd much rather we settle this between us. If we can't agree a way forward by [date], I intend to start a small claim for the balance.",
    examples: [
      'We will commence legal proceedings.',
      'We will take you to court.',
      'I will file a claim in small claims court.',
      'We intend to sue.',
      'A county court claim will be issued.',
    ],
  },
  {
    id: 'collectors',
    category: 'legal-threat',
    severity: 'high',
    negatable: true,
    // A final notice names the one real next step, often an agency; an agency notice says so.
    unlessFinalStep: true,
    patterns: [
      '\\bdebt collect(or|ors|ing|ion)\\b',
      '\\bcollections? (agency|agencies|firm|firms|company|companies|partner|partners|specialists?)\\b',
      '\\b(debt )?recovery (agency|agencies|partner|partners|firm|firms|specialists?|company)\\b',
      '\\b(sent|send|sending|pass|passed|passing|referr?ed|refer|hand|handed|turn|turned|escalat)\\w* (\\w+ ){0,3}(on |over )?to collections\\b',
      // "We will pass this on", not "could you pass this on to your accounts team?".
      "\\b(we|I)\\b('ll|'d)?( \\w+){0,5} (pass|hand|refer|sell|assign)\\w* (the debt|this|it|your account|the account|your details|the matter|this matter) (on|over)(?=\\s*([.;,!]|$))",
      '\\b(referred|passed|sent|handed|instructed)( \\w+){0,2} for (debt )?(recovery|collection)\\b',
      '\\bthird part(y|ies)\\b',
      '\\b(pass|passed|passing|hand|handed|handing|refer|referred|sell|sold|assign)\\w* (\\w+ ){0,3}to an? (agency|third party|collector)\\b',
    ],
    why: 'Brings in debt collectors or another party. Mention it only if you mean to, and never as a warning shot.',
    suggestion:
      "I'd like to keep this between us. If we can't settle it by [date], I may need to ask a collection agency to help, and I'd much rather not.",
    examples: [
      'This will be passed to our debt collectors.',
      'Your account will be sent to collections.',
      'We will pass your details to a debt recovery agency.',
      "We'll be passing the debt on to an agency.",
    ],
  },
  {
    id: 'credit-file',
    category: 'legal-threat',
    severity: 'high',
    negatable: true,
    patterns: [
      '\\bcredit (rating|score|record|file|report|history|reference|bureaus?|agenc(y|ies))\\b',
      '\\b(experian|equifax|transunion|blacklist\\w*|delinquent)\\b',
      '\\b(register|record|report|file)\\w* a default\\b',
      '\\bdefault (notice|marker)\\b',
      '\\b(in|into) default\\b',
    ],
    why: "Threatens the customer's credit record. A sole trader rarely reports to credit agencies, so this usually cannot happen.",
    suggestion: "I'd like to keep this simple and settle it between the two of us.",
    examples: [
      'Your credit rating will suffer.',
      'We will report this to the credit reference agencies.',
      'We will register a default with the credit bureaus.',
    ],
  },
  {
    id: 'third-party-contact',
    category: 'legal-threat',
    severity: 'high',
    negatable: true,
    patterns: [
      '\\b(contact|call|ring|phon|writ|email|tell|telling|inform|notify|notifi|speak|talk|visit|involv|approach)\\w*( to| with)? your (employer|boss|workplace|hr|family|relatives|wife|husband|partner|spouse|parents?|mother|father|mum|mom|dad|children|kids|neighbou?rs?|friends?|landlord|church|clients?|customers?)\\b',
    ],
    why: 'Threatens to tell someone else about the debt. It stays between you and the customer.',
    suggestion: "I'll only ever discuss this with you.",
    examples: [
      'We will be contacting your employer.',
      'We may speak to your family about this.',
      'We will notify your landlord.',
      'I will be telling your neighbours.',
    ],
  },

  // ------------------------------------------------------------ implied official or legal status
  {
    id: 'enforcement',
    category: 'official-status',
    severity: 'high',
    patterns: [
      '\\bbailiffs?\\b',
      '\\benforcement (agents?|officers?|action|team)\\b',
      '\\bsheriffs?\\b',
      '\\b(seize|seized|seizure|seizing|repossess\\w*)\\b',
      '\\bgarnish\\w*\\b',
      '\\battachment of earnings\\b',
      '\\b(warrant|summons|writ)\\b',
      '\\btake (it|the money|money|payment) (straight )?(from|out of) your (wages|salary|pay|bank)\\b',
    ],
    why: 'Talks of bailiffs, seizure or wages taken. That needs a court judgment first, and it reads as official power you do not have.',
    suggestion:
      "I'd like to keep this between us and avoid any formal process. Please get in touch so we can agree how to settle it.",
    examples: [
      'Bailiffs will be instructed.',
      'We will garnish your wages.',
      'A warrant may be issued.',
      'Enforcement officers may visit your home to seize property.',
    ],
  },
  {
    id: 'criminal',
    category: 'official-status',
    severity: 'high',
    patterns: [
      '\\b(criminal|crime|fraud\\w*|theft|thief|thieves|steal|stealing|stolen|prosecut\\w*)\\b',
      '\\b(arrest\\w*|jail|prison|imprison\\w*|police)\\b',
      '\\bcriminal offen[cs]e\\b',
    ],
    why: 'Suggests not paying is a crime or could lead to arrest. An unpaid invoice is a civil matter, and saying otherwise misstates the law.',
    suggestion:
      "I'm sure this has simply slipped through. The balance on the invoice is still open.",
    examples: [
      'Non-payment can be treated as a criminal offence.',
      'You could be arrested.',
      'Withholding payment is theft.',
      'You may face prosecution.',
      'We will involve the police.',
    ],
  },
  {
    id: 'official-look',
    category: 'official-status',
    severity: 'high',
    patterns: [
      '\\b(formal|legal|official) (notice|demand|warning|document)\\b',
      '\\bnotice of (proceedings|claim|intended)\\b',
      '\\b(our|my) (solicitors?|attorneys?|lawyers?|legal (team|department|advisers?|advisors?|counsel|representatives?))\\b',
      '\\b(legal|litigation) (department|team)\\b',
      '\\b(collections?|recoveries|debt recovery|credit control|enforcement) (department|division|unit)\\b',
      '\\bcounty court judg(e)?ment\\b',
      '\\bccjs?\\b',
      '\\bjudg(e)?ment (will|would|may|could) be (registered|entered|made)\\b',
      '\\bregistered against you\\b',
    ],
    why: 'Makes a reminder look like a legal document, or suggests lawyers or a department that are not involved.',
    suggestion: "I'm writing myself about the invoice, as the person you dealt with.",
    examples: [
      'This is a formal legal notice.',
      'Our legal department has been notified.',
      'We will instruct our solicitors.',
      'A county court judgment will be registered against you.',
    ],
  },

  // ------------------------------------------------------------ false urgency or false finality
  {
    id: 'short-deadline',
    category: 'false-urgency',
    severity: 'medium',
    negatable: true,
    patterns: [
      '\\bwithin (24|twenty[- ]four|48|forty[- ]eight|72|seventy[- ]two) (hours|hrs)\\b',
      '\\bby (the )?end of (the )?(day|today|business)\\b',
      '\\b(immediately|immediate payment|forthwith|by return)\\b',
      // "Pay it all at once" is about one lump sum, not about haste.
      '(?<!\\b(all|everything|both|them|whole lot|in full) )\\bat once\\b',
      '\\bwithout (further |any )?delay\\b',
      '\\bby tomorrow\\b',
      '\\btoday or\\b',
      '\\b(pay|settle|clear)\\b(?: \\w+){0,4} today\\b',
    ],
    why: 'Asks for payment in an unreasonably short time.',
    suggestion: "Could you arrange payment by [date]? If that's difficult, just let me know.",
    examples: [
      'Payment must be made within 24 hours.',
      'You must pay immediately.',
      'We require payment by the end of the day.',
      'Pay today or the offer is withdrawn.',
      'Settle this without delay.',
    ],
  },
  {
    id: 'finality',
    category: 'false-urgency',
    severity: 'medium',
    unlessFinalStep: true,
    patterns: [
      '\\bfinal (demand|warning|chance|opportunity|reminder|notice|request)\\b',
      '\\b(last|only) (chance|warning|opportunity)\\b',
    ],
    why: 'Says this is the last word. That is honest only if it truly is the last letter and the next step will happen.',
    suggestion: "I'm writing once more about the invoice, as it's still open.",
    examples: ['FINAL DEMAND: pay now.', 'This is your last chance.', 'This is our final warning.'],
  },
  {
    id: 'hurry',
    category: 'false-urgency',
    severity: 'medium',
    negatable: true,
    patterns: [
      '\\b(time is running out|running out of time|act now|hurry|urgent|urgently|as a matter of urgency|imminent|imminently)\\b',
      "\\b(don't|do not) delay\\b",
    ],
    why: 'Sales-style urgency that does not belong in a reminder.',
    suggestion: 'When you get a moment, here are the payment details again.',
    examples: ['Time is running out.', 'Act now.', 'Court action is imminent.'],
  },

  // ------------------------------------------------------------ shaming or blame
  {
    id: 'ignored',
    category: 'blame',
    severity: 'medium',
    patterns: [
      "\\byou(?: have|'ve| had|'d| continue to| keep| still)? (?:\\w+ )?(ignor|disregard|neglect|refus|fail)\\w*",
      "\\byou(?: have|'ve| had)? (chosen|chose|choose|decided|decide) not to\\b",
      '\\b(repeated|numerous|countless|many|several|multiple) (requests|reminders|letters|emails|attempts|calls|times)\\b',
      '\\bfor the (last|final|hundredth|third|fourth) time\\b',
      '\\bhow many times\\b',
    ],
    why: 'Accuses the customer. It makes people defensive, and less likely to reply.',
    suggestion: "I haven't heard back about the invoice yet, and I know inboxes get busy.",
    examples: [
      'You have ignored our reminders.',
      'Despite our repeated requests, you have failed to pay.',
      "You've chosen not to pay.",
      'As we have told you several times, it is overdue.',
    ],
  },
  {
    id: 'bad-faith',
    category: 'blame',
    severity: 'medium',
    patterns: [
      '\\bno intention of (paying|settling)\\b',
      '\\b(get|getting|got) away with\\b',
      '\\b(your|more|any more of your|no) excuses?\\b',
      '\\b(tired|sick|fed up) of\\b',
      '\\byour (behaviou?r|attitude|conduct)\\b',
      '\\b(unacceptable|unprofessional|disgraceful|outrageous|appalling|ridiculous|disappointing|irresponsible|inexcusable)\\b',
    ],
    why: "Questions the customer's honesty or character. There may be a reason the invoice is unpaid.",
    suggestion:
      "There may be a reason this hasn't been paid yet. If so, I'd be glad to hear it and work something out.",
    examples: [
      'You clearly have no intention of paying.',
      'We are tired of your excuses.',
      'Your behaviour is unprofessional.',
      'You think you can get away with it.',
    ],
  },
  {
    id: 'shame',
    category: 'blame',
    severity: 'high',
    patterns: [
      '\\b(shame on you|ashamed|should be embarrassed|how dare you|how could you|name and shame)\\b',
      '\\b(tell everyone|let everyone know|post (about )?(this|you) online|(bad|negative) review)\\b',
    ],
    why: 'Aims to humiliate, or threatens to make the debt public.',
    suggestion: 'The invoice is still open, and I would like to help us settle it.',
    examples: ['Shame on you.', 'You should be ashamed of yourself.', 'We will tell everyone.'],
  },

  // ------------------------------------------------------------ insults and profanity
  {
    id: 'insult',
    category: 'insult',
    severity: 'high',
    patterns: [
      '\\b(deadbeats?|scroungers?|freeloaders?|spongers?|chancers?|cheapskates?|liars?|cheats?|cheating|dishonest|pathetic|disgrace|useless|idiots?|idiotic|stupid|incompetent|lowlife|leech|parasites?|morons?|crooks?|clowns?)\\b',
      '\\b(people like you|nothing but an?)\\b',
    ],
    why: 'Calls the customer names. Describe the invoice, not the person.',
    suggestion: 'The invoice is still open, and here are the details again.',
    examples: ['Stop being a deadbeat.', 'Only an idiot would ignore this.', 'You are a liar.'],
  },
  {
    id: 'profanity',
    category: 'insult',
    severity: 'high',
    patterns: [
      '\\b(damn|damned|dammit|hell|bloody|crap|crappy|shit\\w*|f+u+c+k\\w*|bastards?|bitch\\w*|arse|arsehole|ass|asshole|piss|pissed|bollocks|wtf)\\b',
    ],
    why: 'Swearing. The plain facts carry the message.',
    suggestion: 'Leave the word out: the plain facts carry the message.',
    examples: ['Pay the damn invoice.', 'This is bloody ridiculous.', 'Enough of your crap.'],
  },

  // ------------------------------------------------------------ capitals and exclamation marks
  {
    id: 'capitals-demand',
    category: 'capitals',
    severity: 'medium',
    caseSensitive: true,
    patterns: [`\\b(?:${capsWord}[ \\t:]+)*(?:${demandWords})\\b(?:[ \\t:]+${capsWord}\\b)*`],
    why: 'A demand in capitals reads as shouting.',
    suggestion: 'Write it in sentence case, with one full stop.',
    examples: [
      'PAY THIS INVOICE IMMEDIATELY.',
      'URGENT: payment overdue.',
      'DO NOT IGNORE THIS LETTER.',
    ],
  },
  {
    id: 'capitals-sentence',
    category: 'capitals',
    severity: 'low',
    caseSensitive: true,
    // Four words or more in capitals; shorter runs are usually names or acronyms (VAT, IBAN).
    patterns: [`\\b${capsWord}(?:[ \\t]+${capsWord}){3,}\\b`],
    why: 'Whole phrases in capitals read as shouting.',
    suggestion: 'Write it in sentence case.',
    examples: ['PLEASE CALL ME BACK SOON.'],
  },
  {
    id: 'exclamations-many',
    category: 'exclamation',
    severity: 'medium',
    patterns: ['(?=[!?]*!)[!?]{3,}'],
    why: 'Three or more exclamation marks read as shouting.',
    suggestion: 'End the sentence with one full stop.',
    examples: ['Pay now!!!', 'Seriously?!! Still nothing?'],
  },
  {
    id: 'exclamations-two',
    category: 'exclamation',
    severity: 'low',
    patterns: ['(?=[!?]*!)[!?]{2}'],
    why: 'Stacked exclamation marks read as raised voice.',
    suggestion: 'One full stop (or one exclamation mark, for good news) is enough.',
    examples: ['Pay now!!', "Why haven't you paid yet?!"],
  },

  // ------------------------------------------------------------ fees or interest not agreed
  {
    id: 'unagreed-fees',
    category: 'fees',
    severity: 'high',
    negatable: true,
    onlyWhenFeesNotAgreed: true,
    patterns: [
      '\\b(late|late payment|admin|administration|collection|recovery|processing|penalty|default|reminder|chasing) (fee|fees|charge|charges|costs?|surcharge)\\b',
      '\\bpenalt(y|ies)\\b',
      '\\b(statutory |daily |monthly |late payment )?interest (at|of|will|is|has|charges?|accrues|accrued|accruing|rate|on|added|applies|being)\\b',
      '\\b(charge|charged|charging|add|added|adding|apply|applied|applying|accrue|accrued|accruing|levy|levied|impose|imposed|imposing) (\\w+ ){0,3}(interest|charges?|fees?|surcharges?)\\b',
      '\\b(late payment )?compensation (of|fee)\\b',
      '\\blegal (fees|costs)\\b',
      '\\b(costs|fees|charges|interest)( \\w+){0,5} (will|may|shall|would) (now )?be (added|charged|applied|passed on)\\b',
    ],
    why: 'Mentions a fee or interest that is not in the terms agreed with this customer. Only add what the contract or the law allows.',
    suggestion:
      'Leave the fee out, or, if your terms include it: "As set out in our terms, a late payment charge of [amount] now applies."',
    examples: [
      'A late payment fee of £50 has been added.',
      'Interest will be charged at 5% per month.',
      'An administration charge of $35 now applies.',
      'We are adding a penalty every week.',
    ],
  },

  // ------------------------------------------------------------ pressure
  {
    id: 'failure-will-result',
    category: 'pressure',
    severity: 'medium',
    patterns: [
      '\\b(failure|failing) to \\w+( \\w+){0,3} (will|may|could|shall|would|might) (result|lead)\\b',
      '\\bnon-?payment (will|may|could|shall|would|might) (result|lead|leave)\\b',
      '\\bfailing (payment|that|this|which)\\b',
      '\\bwill (result|lead) in (further|legal|serious|additional)\\b',
    ],
    why: 'A stock pressure phrase. Name the one real next step and its date, or leave it out.',
    suggestion:
      "If we can't settle this by [date], my next step would be [next step]. I'd much rather we find a way that works for you.",
    examples: [
      'Failure to pay will result in further action.',
      'Non-payment will lead to serious consequences.',
      'Failing payment, we will act.',
    ],
  },
  {
    id: 'vague-threat',
    category: 'pressure',
    severity: 'medium',
    negatable: true,
    patterns: [
      '\\bor else\\b',
      '\\b(face|suffer) (the |serious |further )?consequences\\b',
      '\\b(serious|further) consequences\\b',
      '\\b(further|additional) (action|steps|measures)\\b',
      '\\b(no|little|any other) (choice|option|alternative|recourse) (but|than|other than)\\b',
      '\\bleave (us|me) (with )?no (choice|option|alternative|recourse)\\b',
      '\\bescalat(e|ed|ing) (this|the matter|matters|it|your account|the debt)\\b',
      '\\btake (this|it|matters|things|the matter) further\\b',
      '\\bconsider (our|all) (options|position)\\b',
      '\\b(forced|obliged|compelled) to\\b',
      '\\bwithout (further |any )?notice\\b',
      '\\breserve the right\\b',
      '\\bmake things worse\\b',
      '\\bpay up\\b(?! ?front)',
      '\\bignoring this\\b',
      "\\b(don't|do not) want to [^.,;!?\\n]{0,40}, but\\b",
    ],
    why: 'A vague threat of unnamed consequences.',
    suggestion:
      "If we can't settle this by [date], my next step would be [next step]. I'd much rather we agree a way forward.",
    examples: [
      'Pay up or else.',
      'You will face the consequences.',
      'We will have no choice but to act.',
      'Further action will be taken without notice.',
    ],
  },
  {
    id: 'intimidation',
    category: 'pressure',
    severity: 'high',
    patterns: [
      "\\b(you('ll| will) regret|we know where you (live|work)|watch your back|pay (for this|the price))\\b",
    ],
    why: 'Threatens the customer personally.',
    suggestion: 'Leave the sentence out. Say plainly what is owed and how to pay it.',
    examples: ['You will regret not paying.', 'We know where you live.'],
  },
  {
    id: 'demand',
    category: 'pressure',
    severity: 'low',
    patterns: [
      '\\b(you must pay|you are required to|we (demand|insist)|it is mandatory)\\b',
      // Not "let me know when you will pay".
      '(?<!\\b(when|how|if|whether|what) )\\byou will pay\\b',
    ],
    why: 'Reads as a command. Asking works better.',
    suggestion: 'Could you please arrange payment by [date]?',
    examples: ['You must pay the balance.', 'We demand payment.'],
  },

  // ------------------------------------------------------------ refusing help or a dispute
  {
    id: 'no-plans',
    category: 'forbearance',
    severity: 'medium',
    patterns: [
      "\\b(no|not accept|not offer|don't offer|don't accept|won't accept|do not offer|do not accept|cannot accept|can't accept) (any )?(payment plans|instalment plans|installment plans|instalments|installments|part[- ]payments?|payment arrangements)\\b",
      '\\b(payment )?in full (only|or nothing)\\b',
      '\\bno exceptions\\b',
    ],
    why: 'Refuses to let the customer pay in parts. Offering a plan is the kinder and usually the faster route.',
    suggestion:
      "If paying everything at once is difficult, I'm happy to split it into instalments that suit you.",
    examples: ['We will not accept payment plans.', 'Payment in full only.'],
  },
  {
    id: 'borrow-to-pay',
    category: 'forbearance',
    severity: 'high',
    patterns: [
      '\\bborrow (the )?(money|it|from)\\b',
      '\\btake out a (loan|credit card|payday loan|overdraft)\\b',
      '\\b(put|pay|charge) (it|this) (on|to) (a|your) (credit )?card\\b',
      '\\bremortgage\\b',
      '\\bsell (your )?(car|house|home|van|tools|belongings|stuff)\\b',
      '\\bask (your )?(family|friends|parents) (for|to lend|to pay)\\b',
    ],
    why: 'Pushes the customer to borrow or sell to pay. Nobody should take on debt to settle an invoice.',
    suggestion: "Please pay what you can comfortably afford, and we'll agree a plan for the rest.",
    examples: ['Borrow the money if you have to.', 'Put it on your credit card.'],
  },
  {
    id: 'dismiss-hardship',
    category: 'forbearance',
    severity: 'high',
    patterns: [
      '\\bnot (my|our) (problem|concern)\\b',
      "\\b(we|I) (don't|do not) care\\b",
      '\\beveryone has (money|financial) (problems|troubles)\\b',
      '\\bno (right|grounds) to (dispute|query|complain|question)\\b',
      '\\bnot open to (dispute|discussion|negotiation)\\b',
      '\\bnon-?negotiable\\b',
      '\\bno point (disputing|arguing|complaining)\\b',
    ],
    why: 'Dismisses hardship or shuts down a dispute the customer is entitled to raise.',
    suggestion:
      "I'm sorry things are hard at the moment. If anything on the invoice doesn't look right, tell me and I'll pause reminders while we look into it.",
    examples: ['Your illness is not our problem.', 'You have no right to dispute this invoice.'],
  },
];
