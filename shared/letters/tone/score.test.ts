import { describe, expect, it } from 'vitest';
import { toneCheck } from './index';
import { needsSendAnyway, toneScore } from './score';
import type { ReadingLevel, ToneFinding, ToneSeverity } from './types';

const level = (grade: number): ReadingLevel => ({
  fleschReadingEase: 70,
  grade,
  words: 100,
  sentences: 10,
});
const finding = (severity: ToneSeverity) => ({ severity }) as ToneFinding;

describe('toneScore', () => {
  it('takes 35, 15 and 5 off per high, medium and low finding', () => {
    expect(toneScore([], level(6))).toBe(100);
    expect(toneScore([finding('high')], level(6))).toBe(65);
    expect(toneScore([finding('medium'), finding('low')], level(6))).toBe(80);
  });

  it('takes 2 a grade above 8 off, at most 20, and never goes below 0', () => {
    expect(toneScore([], level(8))).toBe(100);
    expect(toneScore([], level(11.5))).toBe(93);
    expect(toneScore([], level(30))).toBe(80);
    expect(toneScore([finding('high'), finding('high'), finding('high')], level(30))).toBe(0);
  });
});

describe('needsSendAnyway', () => {
  it('asks for "send anyway" only when a finding is high', () => {
    expect(needsSendAnyway(toneCheck('We will send the bailiffs.'))).toBe(true);
    expect(needsSendAnyway(toneCheck('Pay now!!'))).toBe(false);
    expect(needsSendAnyway(toneCheck('Thank you for your payment.'))).toBe(false);
  });
});

describe('toneCheck', () => {
  it('reports findings, reading level and score together', () => {
    const report = toneCheck('Dear Sam,\nFailure to pay will result in legal action.');
    expect(report.findings.map((f) => f.category)).toEqual(['pressure', 'legal-threat']);
    expect(report.readingLevel.sentences).toBe(2);
    expect(report.score).toBe(50);
  });
});
