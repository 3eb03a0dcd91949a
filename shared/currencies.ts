/**
 * ISO 4217 currencies a small business may invoice in, with their minor units (how many
 * decimal places an amount has). Fund codes (BOV, CLF, ...) and metals (XAU, ...) are left
 * out: nobody is invoiced in them. Money is stored as integer minor units of these.
 */
const byMinorUnits: Record<0 | 2 | 3, string> = {
  0: 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF',
  2:
    'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN ' +
    'BZD CAD CDF CHF CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS ' +
    'GIP GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR ' +
    'LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD ' +
    'PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN ' +
    'SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VED VES WST XCD XCG YER ZAR ' +
    'ZMW ZWG',
  3: 'BHD IQD JOD KWD LYD OMR TND',
};

const minorUnitsByCode: ReadonlyMap<string, number> = new Map(
  Object.entries(byMinorUnits).flatMap(([digits, codes]) =>
    codes.split(' ').map((code) => [code, Number(digits)] as const),
  ),
);

export const currencyCodes: readonly string[] = [...minorUnitsByCode.keys()].sort();

export function isKnownCurrency(code: string): boolean {
  return minorUnitsByCode.has(code);
}

/** Decimal places of the currency's minor unit (2 for GBP, 0 for JPY, 3 for KWD). */
export function minorUnitsOf(code: string): number {
  const digits = minorUnitsByCode.get(code);
  if (digits === undefined) throw new RangeError(`Unknown currency ${code}`);
  return digits;
}
