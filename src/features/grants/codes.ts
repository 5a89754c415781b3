/** The code lists of the Grants.gov extract, in words (Grants.gov's own wording, shortened). */

export const fundingCategoryNames: Record<string, string> = {
  ACA: 'Affordable Care Act',
  AG: 'Agriculture',
  AR: 'Arts',
  BC: 'Business and commerce',
  CD: 'Community development',
  CP: 'Consumer protection',
  DPR: 'Disaster prevention and relief',
  ED: 'Education',
  ELT: 'Employment, labor and training',
  EN: 'Energy',
  ENV: 'Environment',
  FN: 'Food and nutrition',
  HL: 'Health',
  HO: 'Housing',
  HU: 'Humanities',
  IIJ: 'Infrastructure Investment and Jobs Act',
  IS: 'Information and statistics',
  ISS: 'Income security and social services',
  LJL: 'Law, justice and legal services',
  NR: 'Natural resources',
  O: 'Other',
  OZ: 'Opportunity zone benefits',
  RA: 'Recovery Act',
  RD: 'Regional development',
  ST: 'Science, technology and other research and development',
  T: 'Transportation',
}

export const eligibleApplicantNames: Record<string, string> = {
  '00': 'State governments',
  '01': 'County governments',
  '02': 'City or township governments',
  '04': 'Special district governments',
  '05': 'Independent school districts',
  '06': 'Public and state-controlled institutions of higher education',
  '07': 'Native American tribal governments (federally recognized)',
  '08': 'Public and Indian housing authorities',
  '11': 'Native American tribal organizations (other than federally recognized tribal governments)',
  '12': 'Nonprofits with 501(c)(3) status, other than institutions of higher education',
  '13': 'Nonprofits without 501(c)(3) status, other than institutions of higher education',
  '20': 'Private institutions of higher education',
  '21': 'Individuals',
  '22': 'For-profit organizations other than small businesses',
  '23': 'Small businesses',
  '25': 'Others (see the additional information on eligibility)',
  '99': 'Unrestricted: open to any type of entity, subject to the additional information on eligibility',
}

export const fundingInstrumentNames: Record<string, string> = {
  G: 'Grant',
  CA: 'Cooperative agreement',
  PC: 'Procurement contract',
  O: 'Other',
}

export const opportunityCategoryNames: Record<string, string> = {
  D: 'Discretionary',
  M: 'Mandatory',
  C: 'Continuation',
  E: 'Earmark',
  O: 'Other',
}

/** A code in words, with the code itself: 'Regional development (RD)'; an unknown code as it is. */
export const codeInWords = (names: Record<string, string>, code: string): string =>
  names[code] ? `${names[code]} (${code})` : code
