/**
 * A seeded synthetic archive for benchmarks and quality checks: realistic-looking public-sector technology
 * news in 20 topics, with Zipf-distributed tags (about half the items untagged, a few tags spelt with a
 * different case or a stray control character, as in real archives), 8–12 authors with their own beats,
 * bodies of 300–1,500 words, eight years of dates ending 1 November 2026, and the odd near-duplicate press
 * release. The same seed always gives byte-identical files.
 *
 *   npx node scripts/generate-corpus.ts <n> <outDir> [seed]     write a content folder (check it with npm run check)
 *
 * `generateCorpusItems` returns the same items in memory (as the engine's ArticleSummary, plus each item's
 * topic) so benchmarks need not touch the disk.
 */
import fs from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { tagSlug } from "../lib/content/tags.ts";
import type { ArticleSummary } from "../lib/related/engine.ts";

// -- Seeded randomness --------------------------------------------------------------------------------------

/** mulberry32: a small, fast, seedable PRNG (returns floats in [0, 1)). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}

function weighted<T>(rng: Rng, list: readonly T[], weights: readonly number[]): T {
  let total = 0;
  for (const w of weights) total += w;
  let r = rng() * total;
  for (let i = 0; i < list.length; i++) {
    r -= weights[i]!;
    if (r < 0) return list[i]!;
  }
  return list[list.length - 1]!;
}

const words = (s: string): string[] =>
  s
    .split("|")
    .map((w) => w.trim())
    .filter(Boolean);
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

// -- Vocabulary ---------------------------------------------------------------------------------------------

export interface Topic {
  id: string;
  label: string;
  tags: string[];
  /** Noun phrases used in sentences. */
  nouns: string[];
  /** Verb phrases in the base form ("roll out"). */
  verbs: string[];
  adjectives: string[];
  /** Short subjects for headlines. */
  subjects: string[];
  orgs: string[];
}

const t = (id: string, label: string, tags: string, nouns: string, verbs: string, adjectives: string, subjects: string, orgs: string): Topic => ({
  id,
  label,
  tags: words(tags),
  nouns: words(nouns),
  verbs: words(verbs),
  adjectives: words(adjectives),
  subjects: words(subjects),
  orgs: words(orgs),
});

export const TOPICS: readonly Topic[] = [
  t(
    "cyber",
    "Cyber security",
    "Cyber security|Ransomware|Incident response|Cyber Essentials|Phishing|Vulnerability management|Security operations",
    "ransomware attack|phishing emails|security patches|incident response plan|backups|threat intelligence|vulnerability scanning|multi-factor authentication|security operations centre|attackers|malware|breach|firewall|penetration testing|encryption|cyber insurance|recovery time|compromised accounts|security baseline|zero-day vulnerability|endpoint protection|cyber resilience",
    "patch|detect|contain|restore|harden|monitor|encrypt|defend",
    "malicious|encrypted|compromised|resilient|critical|vulnerable",
    "ransomware recovery|cyber defences|phishing campaign|incident response|security patching|cyber resilience plan|threat detection service|vulnerability disclosure",
    "the National Cyber Security Centre|the NCSC|the council's security team|the Local Government Association",
  ),
  t(
    "ai",
    "Artificial intelligence",
    "AI|Machine learning|Generative AI|Algorithmic transparency|AI assurance|Automated decision-making|Large language models",
    "large language model|machine learning model|training data|chatbot|algorithm|model accuracy|hallucinations|prompts|automated decisions|bias testing|transparency record|AI assistant|summaries|caseworkers|human oversight|evaluation|neural network|classifier|generative tools|model cards|guardrails|inference costs",
    "train|evaluate|automate|summarise|deploy|fine-tune|audit|predict",
    "generative|automated|algorithmic|experimental|explainable|probabilistic",
    "AI assistant|generative AI pilot|algorithmic transparency records|AI assurance framework|chatbot trial|machine learning model|AI playbook|automated decision tool",
    "the AI Security Institute|the Incubator for AI|the Centre for Data Ethics and Innovation|the Alan Turing Institute",
  ),
  t(
    "cloud",
    "Cloud and infrastructure",
    "Cloud|Hosting|Legacy IT|Data centres|Networks|Infrastructure|Cloud migration",
    "cloud platform|data centre|legacy mainframe|hosting contract|virtual machines|servers|migration|workloads|public cloud|hybrid cloud|outage|uptime|containers|kubernetes clusters|storage|network links|disaster recovery|capacity|hyperscalers|on-premises systems|technical debt|end-of-life hardware",
    "migrate|decommission|host|scale|consolidate|modernise|replatform|retire",
    "legacy|scalable|outdated|hosted|on-premises|resilient",
    "cloud migration|legacy IT replacement|data centre closure|hosting contract|mainframe exit|infrastructure upgrade|cloud first policy|network refresh",
    "Crown Hosting|the Central Digital and Data Office|the department's technology directorate|the cloud centre of excellence",
  ),
  t(
    "data",
    "Data and statistics",
    "Data|Open data|Data sharing|Statistics|Data standards|APIs|Data quality",
    "datasets|data sharing agreement|open data portal|statistics|data standards|APIs|metadata|data quality|spreadsheets|data pipelines|linked data|reference data|data catalogue|data analysts|dashboards|census data|data model|records|identifiers|data architecture|data maturity|analytics platform",
    "publish|link|share|standardise|clean|analyse|collect|map",
    "open|linked|machine-readable|anonymised|statistical|reusable",
    "open data release|data sharing agreement|national data library|data standards|API catalogue|statistics platform|data maturity assessment|data strategy",
    "the Office for National Statistics|the ONS|the Open Data Institute|the Geospatial Commission",
  ),
  t(
    "identity",
    "Digital identity",
    "Digital identity|GOV.UK One Login|Verification|Authentication|Digital wallet|Fraud prevention|Passports",
    "digital identity|identity checks|one login|sign-in|verification|passport photos|face matching|identity documents|digital wallet|credentials|account recovery|trust framework|certified providers|proof of age|fraud|biometrics|authentication app|driving licence|identity providers|age checks|liveness checks|security codes",
    "verify|sign in|authenticate|certify|prove|match|enrol|issue",
    "digital|certified|verified|trusted|biometric|fraudulent",
    "digital identity scheme|One Login roll-out|identity verification|digital wallet|trust framework|proof of age pilot|account recovery|identity checks",
    "GOV.UK One Login|the Office for Digital Identities and Attributes|HM Passport Office|the Government Digital Service",
  ),
  t(
    "health",
    "NHS and health tech",
    "NHS|NHS App|Patient records|Health tech|Electronic patient records|Telehealth|Clinical safety",
    "patient records|NHS App|GP practices|hospital trusts|clinicians|appointments|electronic patient record|prescriptions|waiting lists|test results|integrated care boards|hospital letters|patients|remote monitoring|clinical safety|virtual wards|pharmacies|referrals|care plans|nurses|shared care record|health data",
    "book|prescribe|refer|treat|digitise|diagnose|discharge|monitor",
    "clinical|digital|electronic|remote|patient-facing|integrated",
    "NHS App update|electronic patient record|virtual wards|shared care record|GP appointment booking|hospital letters service|federated data platform|remote monitoring",
    "NHS England|the Department of Health and Social Care|the hospital trust|the integrated care board",
  ),
  t(
    "local",
    "Local government",
    "Local government|Councils|Shared services|Council tax|Housing|Planning|Waste services",
    "councils|council tax|residents|bin collections|housing repairs|planning applications|social housing|parking permits|shared services|county council|district councils|councillors|libraries|local services|waste collection|housing benefit|unitary authority|revenue and benefits|council website|customer contact centre|housing register|ward",
    "collect|apply|pay|report|merge|share|consult|deliver",
    "local|municipal|shared|unitary|neighbouring|rural",
    "council website|shared service deal|council tax portal|planning system|housing repairs app|bin collection app|customer contact centre|revenue and benefits system",
    "the Local Government Association|the Ministry of Housing, Communities and Local Government|the county council|Socitm",
  ),
  t(
    "procurement",
    "Procurement",
    "Procurement|G-Cloud|Digital Marketplace|Contracts|Suppliers|Spend controls|Commercial",
    "contracts|suppliers|tender|framework agreement|G-Cloud|Digital Marketplace|spend controls|procurement rules|small businesses|bids|contract award|lock-in|licences|commercial teams|value for money|contract extension|market engagement|SMEs|Procurement Act|call-off|pricing|negotiations",
    "procure|tender|award|extend|negotiate|renew|buy|bid",
    "commercial|competitive|multi-year|framework|direct|single-supplier",
    "G-Cloud framework|procurement reform|contract award|supplier lock-in|spend controls|Procurement Act|framework agreement|software licences",
    "the Crown Commercial Service|the Cabinet Office|the National Audit Office|techUK",
  ),
  t(
    "accessibility",
    "Accessibility and inclusion",
    "Accessibility|Digital inclusion|Assisted digital|Screen readers|WCAG|Disabled people|Digital exclusion",
    "accessibility|screen readers|disabled people|accessibility statement|keyboard navigation|WCAG|colour contrast|captions|assistive technology|digital exclusion|assisted digital support|easy read|audits|alternative formats|older people|digital skills|data poverty|devices|libraries|inclusion|accessible documents|magnifiers",
    "include|test|audit|caption|support|fix|adapt|read",
    "accessible|inclusive|disabled|assistive|excluded|offline",
    "accessibility audit|digital inclusion strategy|assisted digital support|accessibility regulations|screen reader testing|device lending scheme|easy read guidance|inclusion fund",
    "the Central Digital and Data Office|AbilityNet|the Good Things Foundation|the Equality and Human Rights Commission",
  ),
  t(
    "service",
    "Service design and GOV.UK",
    "GOV.UK|Service design|User research|Service standard|Design system|Content design|Online forms",
    "user research|service assessment|service standard|design system|prototypes|content designers|GOV.UK pages|online forms|user needs|journeys|beta|alpha|discovery|usability testing|components|patterns|service owners|task list|guidance pages|page views|start pages|form builder",
    "design|prototype|iterate|research|publish|assess|simplify|redesign",
    "user-centred|iterative|public beta|private beta|consistent|simple",
    "service assessment|design system update|GOV.UK app|form builder|content redesign|service standard|user research findings|GOV.UK Chat",
    "the Government Digital Service|GDS|the GOV.UK team|the service design community",
  ),
  t(
    "skills",
    "Skills and workforce",
    "Digital skills|DDaT profession|Recruitment|Apprenticeships|Workforce|Pay|Leadership",
    "digital skills|recruitment|apprenticeships|pay framework|contractors|civil servants|graduate scheme|training|capability|vacancies|salaries|data scientists|engineers|career paths|senior leaders|headcount|retention|allowances|bootcamps|workforce plan|skills gap|secondments",
    "recruit|train|retain|hire|upskill|pay|promote|develop",
    "senior|specialist|permanent|skilled|graduate|technical",
    "digital skills programme|DDaT pay framework|apprenticeship scheme|recruitment drive|workforce plan|leadership training|graduate scheme|skills gap",
    "the Cabinet Office|the Government Digital Service|the DDaT profession|the Civil Service",
  ),
  t(
    "strategy",
    "Policy and strategy",
    "Digital strategy|Spending review|Transformation|Roadmap|Government Digital Service|Cabinet Office|Ministers",
    "digital strategy|spending review|roadmap|transformation programme|ministers|targets|blueprint|priorities|missions|funding settlement|select committee|accountability|business case|benefits realisation|delivery plan|reform|departments|white paper|manifesto|milestones|permanent secretaries|governance",
    "announce|fund|reform|prioritise|commit|review|deliver|set out",
    "ambitious|cross-government|strategic|national|long-term|departmental",
    "digital strategy|spending review settlement|transformation roadmap|state of digital government review|delivery plan|blueprint for modern digital government|digital reform|ministerial priorities",
    "the Department for Science, Innovation and Technology|DSIT|the Treasury|the Public Accounts Committee",
  ),
  t(
    "opensource",
    "Open source and standards",
    "Open source|Open standards|Technology Code of Practice|Code reuse|Interoperability|Software|Developer tools",
    "open source|code repositories|open standards|interoperability|software libraries|developers|GitHub|licences|code reuse|technology code of practice|pull requests|maintainers|dependencies|software bill of materials|documentation|community|forks|releases|package registries|APIs|technical standards|source code",
    "open|release|reuse|maintain|contribute|standardise|fork|document",
    "open|interoperable|reusable|proprietary|community-maintained|documented",
    "open source release|open standards|code reuse|technology code of practice|software bill of materials|developer platform|interoperability standards|shared code library",
    "the Open Standards Board|the Government Digital Service|the developer community|OpenUK",
  ),
  t(
    "education",
    "Education technology",
    "Education|Schools|EdTech|Universities|Student loans|Exams|Teachers",
    "schools|pupils|teachers|exams|universities|student loans|lesson planning|edtech|school broadband|laptops|multi-academy trusts|attendance data|classrooms|homework|students|assessments|admissions|learning platforms|Ofsted|qualifications|school census|further education",
    "teach|learn|mark|enrol|assess|attend|apply|study",
    "educational|remote|online|academic|secondary|primary",
    "school broadband|exam marking|student loans system|edtech pilot|teacher workload tools|online learning platform|school admissions|attendance data",
    "the Department for Education|Ofqual|the Student Loans Company|Oak National Academy",
  ),
  t(
    "justice",
    "Justice and policing",
    "Justice|Courts|Policing|HMCTS|Prisons|Digital evidence|Facial recognition",
    "courts|hearings|digital evidence|police forces|prisons|facial recognition|case management system|body-worn cameras|probation|offenders|judges|tribunals|custody|crime data|victims|court backlog|video hearings|prison officers|officers|legal aid|sentencing|police national computer",
    "prosecute|hear|investigate|sentence|record|charge|police|scan",
    "criminal|judicial|forensic|custodial|live|remote",
    "court reform programme|digital evidence system|facial recognition vans|prison technology|police national database|video hearings|case management system|body-worn cameras",
    "HM Courts and Tribunals Service|the Ministry of Justice|the Home Office|the College of Policing",
  ),
  t(
    "tax",
    "Tax and benefits",
    "HMRC|Making Tax Digital|Universal Credit|DWP|Benefits|Tax|Pensions",
    "tax returns|Universal Credit|benefit claims|self assessment|Making Tax Digital|taxpayers|claimants|pensions|child benefit|national insurance|payments|tax credits|overpayments|fraud and error|work coaches|jobcentres|personal tax account|income tax|landlords|sole traders|state pension|disability benefits",
    "claim|pay|file|assess|collect|calculate|reassess|refund",
    "self-employed|quarterly|digital|fraudulent|eligible|late",
    "Making Tax Digital|Universal Credit system|tax return service|benefit claims app|pensions dashboard|child benefit service|fraud and error programme|HMRC app",
    "HMRC|the Department for Work and Pensions|DWP|the Pensions Dashboards Programme",
  ),
  t(
    "transport",
    "Transport and smart cities",
    "Transport|Smart cities|DVLA|Rail|Connected vehicles|Traffic data|Ticketing",
    "rail tickets|traffic data|driving licences|buses|smart ticketing|vehicle tax|roadworks|electric vehicle charging|sensors|journeys|passengers|timetables|contactless payments|congestion|parking|self-driving vehicles|station|fares|route planning|air quality sensors|transport authority|street works",
    "travel|drive|charge|route|ticket|park|commute|sense",
    "connected|contactless|autonomous|real-time|urban|electric",
    "smart ticketing|DVLA digital service|traffic data platform|EV charging map|bus open data|rail app|street works register|self-driving trial",
    "the Department for Transport|the DVLA|Transport for London|National Highways",
  ),
  t(
    "sustainability",
    "Sustainability and green IT",
    "Sustainability|Net zero|Green IT|Energy|Climate|E-waste|Carbon reporting",
    "carbon emissions|energy use|net zero|data centre power|e-waste|device recycling|sustainability targets|carbon reporting|renewable energy|climate data|heat networks|refurbished laptops|greenhouse gases|energy efficiency|water use|supply chain emissions|greening government commitments|circular economy|lifecycle|emissions data|cooling|solar panels",
    "reduce|recycle|measure|offset|report|refurbish|power|cool",
    "sustainable|low-carbon|renewable|green|circular|efficient",
    "greening government ICT|net zero target|e-waste recycling|carbon reporting|energy-efficient data centres|device refurbishment|climate data service|sustainable technology strategy",
    "the Department for Energy Security and Net Zero|Defra|the Environment Agency|the Climate Change Committee",
  ),
  t(
    "connectivity",
    "Connectivity and telecoms",
    "Broadband|5G|Connectivity|Telecoms|Rural connectivity|Gigabit|Mobile coverage",
    "gigabit broadband|full fibre|5G masts|mobile coverage|rural areas|telecoms providers|vouchers|not-spots|shared rural network|connectivity|fibre roll-out|satellite|spectrum|public wi-fi|broadband speeds|premises|telephone switch-off|digital landlines|Openreach|infrastructure|network operators|coverage maps",
    "connect|upgrade|install|switch|cover|extend|build|lay",
    "superfast|rural|gigabit-capable|mobile|wireless|hard-to-reach",
    "Project Gigabit|shared rural network|5G testbed|broadband voucher scheme|digital landline switchover|public wi-fi|full fibre contract|mobile coverage",
    "Building Digital UK|Ofcom|the telecoms regulator|the Department for Science, Innovation and Technology",
  ),
  t(
    "privacy",
    "Privacy and data protection",
    "Privacy|Data protection|ICO|GDPR|Information governance|Surveillance|Freedom of information",
    "personal data|data protection|privacy notice|data breach|consent|information commissioner|GDPR|subject access requests|data protection impact assessment|retention|surveillance|freedom of information requests|reprimand|fines|cookies|data subjects|lawful basis|anonymisation|information governance|data protection officer|complaints|transparency",
    "protect|disclose|comply|breach|delete|request|fine|retain",
    "personal|sensitive|lawful|unlawful|confidential|intrusive",
    "data protection reform|ICO reprimand|data breach|privacy review|freedom of information backlog|data protection impact assessment|surveillance powers|Data (Use and Access) Act",
    "the Information Commissioner's Office|the ICO|the Information Commissioner|the Data Protection Officer",
  ),
];

/** Broad tags that editors add to anything: the head of the Zipf curve. */
const BROAD_TAGS = words("Digital|Technology|Public sector|Government|Innovation|Digital transformation|Central government");

const GENERAL_NOUNS = words(
  "programme|service|team|department|budget|staff|users|residents|plan|pilot|project|framework|strategy|review|report|evidence|approach|funding|costs|savings|partners|organisations|systems|process|guidance|leaders|officials|public|people|system|roll-out|timetable|progress|results|lessons|risks|benefits|changes|work|decisions|targets|the public sector|central government",
);
const GENERAL_VERBS = words("improve|support|change|help|replace|deliver|expand|simplify|speed up|reduce|test|launch|build|fund|review|publish");
const PLACES = words(
  "Leeds|Manchester|Birmingham|Bristol|Glasgow|Cardiff|Belfast|Newcastle|Sheffield|Nottingham|Liverpool|Norfolk|Kent|Devon|Cumbria|Essex|Surrey|Lancashire|Somerset|Hampshire|Edinburgh|Swansea|Derby|Leicester|Plymouth|York|Hull|Oxford|Cambridge|Coventry",
);
const FIRST_NAMES = words(
  "Aisha|Ben|Chloe|Daniel|Eleanor|Femi|Grace|Hamid|Isla|James|Kiran|Laura|Mohammed|Niamh|Oliver|Priya|Rhys|Sophie|Tom|Uma|Victoria|Wei|Yusuf|Zara|Gareth|Nadia|Sam|Fiona|Callum|Imran",
);
const LAST_NAMES = words(
  "Achebe|Patel|Jones|Williams|Campbell|Okafor|Hughes|Khan|Murphy|Evans|Scott|Chen|Davies|Ahmed|Taylor|Walker|Roberts|Singh|Morgan|Kelly|Hallworth|Pryce|Qureshi|Oduya|Bennett|Fraser|Lewis|Baig|Osei|Reid",
);
const ROLES = words(
  "chief digital officer|head of technology|director of digital services|chief information officer|service owner|chief technology officer|programme director|head of data|deputy director|policy lead|product manager|chief executive|minister|council leader|lead architect",
);
const AUDIENCES = words("councils|citizens|patients|small businesses|staff|taxpayers|users|suppliers|schools|residents|claimants|departments");
const TITLE_VERBS = words(
  "launches|expands|pauses|reviews|publishes guidance on|sets out plans for|invests in|opens consultation on|reports progress on|trials|delays|scales up|relaunches|rethinks|backs",
);
const HEADINGS = words(
  "What happens next|Why it matters|The background|What users said|How it works|The numbers|What critics say|Lessons so far|Costs and savings|The bigger picture|What changes for users|Risks",
);

/** Sentence templates. Slots: {N} topic noun, {A} topic adjective, {V} topic verb, {G} general noun,
 * {GV} general verb, {O} organisation, {P} place, {R} role, {X} person, {U} audience, {num}, {year}. */
const SENTENCES = words(
  `{O} said the {N} would {GV} the {G} for {U} in {P}.|` +
    `The {A} {N} is expected to {V} {N2} by {year}.|` +
    `Officials want to {V} the {N} before the {G} ends.|` +
    `In {P}, the {G} has already started to {V} {N}.|` +
    `The {N} has been criticised for slow {G} and rising costs.|` +
    `About {num} {U} have used the {N} since it opened.|` +
    `The report found that {N} and {N2} were rarely joined up.|` +
    `Teams in {P} will {V} the {N} over the next {small} months.|` +
    `Critics say the {A} {N} does not yet {GV} {U}.|` +
    `The {G} covers {N}, {N2} and {N3}.|` +
    `{O} plans to {V} more {N} as part of the {G}.|` +
    `A spokesperson for {O} said the {N} was "working as intended".|` +
    `The change means {U} can {V} {N} without calling a helpline.|` +
    `Work on the {N} began in {year} and is due to finish next year.|` +
    `Early results suggest the {N} could {GV} the {G} significantly.|` +
    `Each {N} costs around £{num},000 a year to run.|` +
    `The {A} approach to {N} is now being copied by other {U}.|` +
    `There are still questions about who owns the {N}.|` +
    `The {G} will be reviewed once the {N} has been in use for a year.|` +
    `{U} in {P} reported problems with the {N} during the first week.|` +
    `The plan relies on {A} {N} and better {N2}.|` +
    `Without the {N}, staff would have to {V} everything by hand.|` +
    `A pilot in {P} showed the {N} could {V} {N2} in days rather than weeks.|` +
    `The {G} set aside £{small} million for {N}.|` +
    `Several {U} said they had not been told about the {N}.`,
);
const QUOTES = words(
  `We want to {V} the {N} so that {U} get a better {G}|` +
    `The {N} is only as good as the {N2} behind it|` +
    `This is about making the {A} {N} work for {U}|` +
    `We have learned a lot from the pilot in {P}|` +
    `Nobody should have to {V} the same {N} twice|` +
    `The hard part is not the {N}, it is the {G} around it`,
);
const DESCRIPTIONS = words(
  `{O} says its {S} will {V} {N} for {U} by {year}.|` +
    `A {A} {S} in {P} could change how {U} {V} {N}, but the {G} is not yet settled.|` +
    `The {S} aims to {GV} {N} and {N2} after a difficult {G}.|` +
    `New figures show how the {S} is changing {N} for {U} across {P}.|` +
    `Plans for the {S} raise questions about {N}, {N2} and who pays.`,
);
/** Sentences about a story's named project, system or supplier ({E}). */
const ENTITY_SENTENCES = words(
  `The {E} project will {V} the {N} for {U} in {P}.|` +
    `{E}, which {O} launched in {year}, has been used by {num} {U}.|` +
    `Staff working on {E} said the {N} was the hardest part.|` +
    `The contract for {E} is worth £{small} million over {small} years.|` +
    `{E} replaced an older {N} that had been in use since {year}.|` +
    `Questions remain over how {E} handles {N}.|` +
    `The team behind {E} plans to {V} {N2} next.|` +
    `An evaluation of {E} found mixed results on {N}.`,
);
/** Sentences with no topic words: the connective tissue of news copy. */
const GENERIC_SENTENCES = words(
  `The {G} was announced on Tuesday.|` +
    `Officials declined to give a date for the next {G}.|` +
    `It is not the first time the {G} has been delayed.|` +
    `A further update is expected in the spring.|` +
    `The figures have not been independently checked.|` +
    `Some {U} in {P} welcomed the {G}, while others were more cautious.|` +
    `The {G} follows a review published last year.|` +
    `Ministers have said the {G} must show value for money.`,
);
const ENTITY_TITLES = words(`{E} {TV} {S}|{O} {TV} {E}|What {E} means for {U}|{E}: {S} in {P}|{P} signs up to {E}`);
const TITLES = words(
  `{O} {TV} {S}|` +
    `{P} {TV} {S}|` +
    `{S}: what it means for {U}|` +
    `How {P} is using {S} to {V} {N}|` +
    `Why the {S} matters for {U}|` +
    `{S} to reach {num} {U}|` +
    `Inside the {S}`,
);

// -- Items --------------------------------------------------------------------------------------------------

export const TYPES = ["news", "analysis", "opinion", "feature", "press release", "interview"] as const;
const TYPE_WEIGHTS = [45, 15, 10, 10, 12, 8];

export interface CorpusAuthor {
  id: string;
  name: string;
  role: string;
  organisation: string;
  bio: string;
  /** Topic ids this author usually covers. */
  beats: string[];
}

export interface CorpusItem extends ArticleSummary {
  /** Topic id, for measuring quality. */
  topic: string;
  /** ISO 8601 with the Europe/London offset, as written to front matter. */
  date: string;
  /** Tags as written in the front matter (some with odd case or a control character). */
  tags: string[];
}

export interface Corpus {
  items: CorpusItem[];
  authors: CorpusAuthor[];
}

const ZONE = "Europe/London";
const START = DateTime.fromISO("2018-11-01T00:00:00", { zone: ZONE });
const END = DateTime.fromISO("2026-11-01T00:00:00", { zone: ZONE });
const DAYS = Math.round(END.diff(START, "days").days);

function makeAuthors(rng: Rng): CorpusAuthor[] {
  const count = int(rng, 8, 12);
  const authors: CorpusAuthor[] = [];
  const used = new Set<string>();
  while (authors.length < count) {
    const name = `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`;
    const id = tagSlug(name);
    if (used.has(id)) continue;
    used.add(id);
    const beats = [...new Set([pick(rng, TOPICS).id, pick(rng, TOPICS).id, pick(rng, TOPICS).id])].sort();
    const labels = beats.map((b) => TOPICS.find((x) => x.id === b)!.label.toLowerCase());
    const role = pick(rng, ["Reporter", "Senior reporter", "Correspondent", "Editor", "Contributing editor", "Data reporter"]);
    authors.push({
      id,
      name,
      role,
      organisation: "Gov Tech News",
      bio: `${name} is a ${role.toLowerCase()} at Gov Tech News, covering ${labels.length > 1 ? `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}` : labels[0]}. ${name.split(" ")[0]} previously reported on public services in ${pick(rng, PLACES)}.`,
      beats,
    });
  }
  return authors.sort((a, b) => (a.id < b.id ? -1 : 1));
}

interface Filler {
  topic: Topic;
  rng: Rng;
  /** Names of the story's projects, systems or suppliers, for {E}. */
  entities?: readonly string[];
}

function fill(template: string, { topic, rng, entities }: Filler, subject?: string): string {
  return template.replace(/\{(N2|N3|N|A|V|GV|G|O|P|R|X|U|num|small|year|S|TV|E)\}/g, (_, slot: string) => {
    switch (slot) {
      case "E":
        return entities && entities.length > 0 ? pick(rng, entities) : pick(rng, topic.subjects);
      case "N":
      case "N2":
      case "N3":
        return pick(rng, topic.nouns);
      case "A":
        return pick(rng, topic.adjectives);
      case "V":
        return pick(rng, topic.verbs);
      case "GV":
        return pick(rng, GENERAL_VERBS);
      case "G":
        return pick(rng, GENERAL_NOUNS);
      case "O":
        return rng() < 0.6 ? pick(rng, topic.orgs) : pick(rng, ["the Cabinet Office", "the department", "the council", "the Treasury", "ministers", "the agency"]);
      case "P":
        return pick(rng, PLACES);
      case "R":
        return pick(rng, ROLES);
      case "X":
        return `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`;
      case "U":
        return pick(rng, AUDIENCES);
      case "num":
        return String(int(rng, 2, 950));
      case "small":
        return String(int(rng, 2, 24));
      case "year":
        return String(int(rng, 2019, 2030));
      case "S":
        return subject ?? pick(rng, topic.subjects);
      case "TV":
        return pick(rng, TITLE_VERBS);
      default:
        return slot;
    }
  });
}

function sentence(f: Filler): string {
  return cap(fill(pick(f.rng, SENTENCES), f));
}

/** Paragraphs (and the odd heading) until the body has `targetWords` words, counting headings too. */
function makeBody(f: Filler, targetWords: number, others: readonly Topic[]): string {
  const blocks: string[] = [];
  let count = 0;
  let paragraphs = 0;
  while (count < targetWords) {
    if (paragraphs > 0 && paragraphs % int(f.rng, 3, 4) === 0 && f.rng() < 0.6) {
      const heading = `## ${pick(f.rng, HEADINGS)}`;
      blocks.push(heading);
      count += heading.split(" ").length;
    }
    const parts: string[] = [];
    const sentences = int(f.rng, 2, 5);
    for (let s = 0; s < sentences && count < targetWords; s++) {
      // Some sentences wander into another topic, as real copy does; some carry no topic at all.
      const r = f.rng();
      const filler = r < 0.15 ? { topic: pick(f.rng, others), rng: f.rng } : f;
      let text: string;
      if (r >= 0.15 && r < 0.33 && f.entities) text = cap(fill(pick(f.rng, ENTITY_SENTENCES), f));
      else if (r >= 0.33 && r < 0.5) text = cap(fill(pick(f.rng, GENERIC_SENTENCES), f));
      else if (f.rng() < 0.12) {
        const who = fill("{X}", f);
        text = `"${cap(fill(pick(f.rng, QUOTES), filler))}," said ${who}, ${fill("{R}", f)} at ${fill("{O}", filler)}.`;
      } else text = sentence(filler);
      parts.push(text);
      count += text.split(" ").length;
    }
    if (parts.length > 0) blocks.push(parts.join(" "));
    paragraphs++;
  }
  return blocks.join("\n\n");
}

const SYLLABLES = words(
  "Case|Bridge|North|Moor|Ash|Ford|Kestrel|Harbour|Lark|Beacon|Atlas|Orbit|Cedar|Vale|Stone|Brook|Iron|Gate|Wren|Field|Hollow|Marsh|Pike|Quarry|Raven|Salt|Thorn|Umber|Willow|Yarrow|Fen|Glen|Heath|Kings|Lock|Mere|Oak|Penn|Ridge|Swan",
);
const NAME_SUFFIXES = ["", "", "", " Connect", " Online", " Systems", " Link", " Hub", " Gateway", " Portal"];

/** An invented, unique project, system or supplier name ("Kestrelgate", "Ashbrook Connect"). */
function makeName(rng: Rng, used: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    let stem = pick(rng, SYLLABLES) + pick(rng, SYLLABLES).toLowerCase();
    if (attempt > 10) stem += pick(rng, SYLLABLES).toLowerCase();
    const name = stem + pick(rng, NAME_SUFFIXES);
    if (!used.has(stem)) {
      used.add(stem);
      return name;
    }
  }
}

interface Story {
  topic: Topic;
  entities: string[];
  /** Days since START around which its items appear. */
  day: number;
}

function makeSlug(title: string, used: Set<string>): string {
  const base = tagSlug(title).split("-").slice(0, 8).join("-") || "item";
  let slug = base;
  for (let i = 2; used.has(slug); i++) slug = `${base}-${i}`;
  used.add(slug);
  return slug;
}

function zipfWeights(count: number, exponent = 1): number[] {
  return Array.from({ length: count }, (_, i) => 1 / Math.pow(i + 1, exponent));
}

function shuffle<T>(rng: Rng, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

/** A stray spelling, as editors and imports produce: lower case, upper case, or a control character. */
function misspell(rng: Rng, tag: string): string {
  const r = rng();
  if (r < 0.4) return tag.toLowerCase();
  if (r < 0.7) return tag.toUpperCase();
  if (r < 0.85) return `${tag}\u0007`;
  return tag.replace(" ", "\t");
}

/** The items and authors, in memory. Same options → same output. */
export function generateCorpusItems({ n, seed = 1 }: { n: number; seed?: number }): Corpus {
  if (!Number.isInteger(n) || n < 0) throw new Error(`generateCorpus: n must be a whole number of items, not ${n}`);
  const rng = mulberry32(seed);
  const authors = makeAuthors(rng);

  // Every tag gets a global popularity rank (Zipf): broad tags near the head, topic tags shuffled in.
  const allTags = shuffle(
    rng,
    TOPICS.flatMap((x) => x.tags),
  );
  const ranked = [...BROAD_TAGS, ...allTags];
  for (let i = BROAD_TAGS.length - 1; i >= 0; i--) {
    // Move each broad tag a little way down so the very head is mixed.
    const j = int(rng, 0, 12);
    const [tag] = ranked.splice(i, 1);
    ranked.splice(j, 0, tag!);
  }
  const zipf = zipfWeights(ranked.length, 1.05);
  const popularity = new Map(ranked.map((tag, i) => [tag, zipf[i]!]));
  const slugCache = new Map<string, string>();
  const slugOf = (tag: string): string => {
    let slug = slugCache.get(tag);
    if (slug === undefined) slugCache.set(tag, (slug = tagSlug(tag)));
    return slug;
  };
  const labelOf = new Map(ranked.map((x) => [slugOf(x), x]));
  // Topics differ in size, as beats do.
  const topicWeights = shuffle(rng, zipfWeights(TOPICS.length, 0.6));

  // Running stories: items about the same named project, within a year or so of each other.
  const usedNames = new Set<string>();
  const stories = new Map<string, Story[]>();
  const storiesPerTopic = Math.max(2, Math.ceil((n * 0.6) / TOPICS.length / 8));
  for (const topic of TOPICS) {
    stories.set(
      topic.id,
      Array.from({ length: storiesPerTopic }, () => ({
        topic,
        entities: Array.from({ length: int(rng, 1, 3) }, () => makeName(rng, usedNames)),
        day: int(rng, 0, DAYS - 1),
      })),
    );
  }

  const items: CorpusItem[] = [];
  const usedSlugs = new Set<string>();
  const pressReleases: CorpusItem[] = [];
  for (let i = 0; i < n; i++) {
    const type = weighted(rng, TYPES, TYPE_WEIGHTS);
    // Now and then a press release is re-issued almost word for word for another area.
    const template = type === "press release" && pressReleases.length > 0 && rng() < 0.15 ? pick(rng, pressReleases) : undefined;
    const topic = template ? TOPICS.find((x) => x.id === template.topic)! : weighted(rng, TOPICS, topicWeights);
    const story = !template && rng() < 0.6 ? pick(rng, stories.get(topic.id)!) : undefined;
    const f: Filler = { topic, rng, entities: story?.entities ?? (rng() < 0.5 ? [makeName(rng, usedNames)] : undefined) };
    const others = TOPICS.filter((x) => x !== topic);

    const clampDay = (d: number) => Math.min(DAYS - 1, Math.max(0, d));
    const day = template
      ? clampDay(Math.round((template.dateMs - START.toMillis()) / 86_400_000) + int(rng, 1, 60))
      : story
        ? clampDay(story.day + int(rng, -400, 400))
        : int(rng, 0, DAYS - 1);
    const date = START.plus({ days: day }).set({ hour: int(rng, 7, 18), minute: pick(rng, [0, 0, 15, 30, 45, int(rng, 0, 59)]) });
    const dateMs = date.toMillis();
    const iso = DateTime.fromMillis(dateMs, { zone: ZONE }).toISO({ suppressMilliseconds: true })!;

    let title: string;
    let description: string;
    let body: string;
    if (template) {
      const place = pick(rng, PLACES);
      const oldPlace = PLACES.find((p) => template.title.includes(p) || template.body.includes(p));
      const swap = (s: string) => (oldPlace ? s.split(oldPlace).join(place) : s);
      title = swap(template.title);
      if (title === template.title) title = `${template.title} in ${place}`;
      description = swap(template.description);
      body = swap(template.body) + `\n\n${cap(fill("{O} said the {N} would {GV} the {G} in {P}.", f))}`;
    } else {
      const subject = pick(rng, topic.subjects);
      title = cap(fill(pick(rng, f.entities && rng() < 0.4 ? ENTITY_TITLES : TITLES), f, subject));
      description = cap(fill(pick(rng, DESCRIPTIONS), f, subject));
      // Up to 1,450 so that the last sentence, or a re-issue's extra sentence, stays within 1,500 words.
      body = makeBody(f, int(rng, 300, 1450), others);
    }

    // Authors: press releases usually carry the organisation byline; reporters mostly write on their beats.
    const authorCount = type === "press release" ? (rng() < 0.85 ? 0 : 1) : weighted(rng, [0, 1, 2], [10, 75, 15]);
    const onBeat = authors.filter((a) => a.beats.includes(topic.id));
    const chosen = new Set<string>();
    while (chosen.size < authorCount) chosen.add((onBeat.length > 0 && rng() < 0.75 ? pick(rng, onBeat) : pick(rng, authors)).id);
    const authorIds = [...chosen].sort();

    // Tags: about half untagged; otherwise 1–4, mostly from the topic (by popularity), some broad or stray.
    const tags: string[] = [];
    if (rng() >= 0.5) {
      const count = weighted(rng, [1, 2, 3, 4], [40, 30, 20, 10]);
      const own = topic.tags.map((x) => popularity.get(x)!);
      for (let j = 0; j < count * 3 && tags.length < count; j++) {
        const r = rng();
        const tag = r < 0.75 ? weighted(rng, topic.tags, own) : r < 0.92 ? weighted(rng, ranked, zipf) : pick(rng, pick(rng, others).tags);
        if (!tags.some((x) => slugOf(x) === slugOf(tag))) tags.push(rng() < 0.03 ? misspell(rng, tag) : tag);
      }
    }

    const slug = makeSlug(title, usedSlugs);
    const slugs = [...new Set(tags.map(slugOf))];
    const item: CorpusItem = {
      slug,
      title,
      description,
      body,
      type,
      authorIds,
      tagSlugs: slugs,
      tagLabels: slugs.map((s) => labelOf.get(s) ?? s),
      dateMs,
      topic: topic.id,
      date: iso,
      tags,
    };
    items.push(item);
    if (type === "press release" && !template) pressReleases.push(item);
  }
  return { items, authors };
}

// -- Files ----------------------------------------------------------------------------------------------------

/** The project's own site.json, copied field for field (but for its featured items). */
const SITE_FILE = path.join(import.meta.dirname, "..", "content", "site.json");

/** A YAML scalar: JSON strings are valid YAML double-quoted strings, escapes included. */
const yamlString = (s: string): string => JSON.stringify(s);

export function itemFile(item: CorpusItem): string {
  const tags = item.tags.length ? `[${item.tags.map(yamlString).join(", ")}]` : "[]";
  return [
    "---",
    `title: ${yamlString(item.title)}`,
    `description: ${yamlString(item.description)}`,
    `date: ${item.date}`,
    `type: ${item.type}`,
    `authors: [${item.authorIds.join(", ")}]`,
    `tags: ${tags}`,
    "---",
    item.body,
    "",
  ].join("\n");
}

export function authorFile(author: CorpusAuthor): string {
  return ["---", `name: ${yamlString(author.name)}`, `role: ${yamlString(author.role)}`, `organisation: ${yamlString(author.organisation)}`, "---", author.bio, ""].join("\n");
}

/** Writes a complete content folder (site.json and its logo, authors/, news/) to outDir, replacing what was there. */
export function generateCorpus({ n, seed = 1, outDir }: { n: number; seed?: number; outDir: string }): Corpus {
  const corpus = generateCorpusItems({ n, seed });
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(outDir, "news"), { recursive: true });
  fs.mkdirSync(path.join(outDir, "authors"), { recursive: true });
  const site = JSON.parse(fs.readFileSync(SITE_FILE, "utf8")) as { logo?: string; featured?: string[] };
  // The sample site's featured items are not in the generated corpus.
  delete site.featured;
  fs.writeFileSync(path.join(outDir, "site.json"), JSON.stringify(site, null, 2) + "\n");
  // The logo site.json names must exist (the content model checks it).
  if (site.logo?.startsWith("/images/")) {
    fs.mkdirSync(path.join(outDir, "images"), { recursive: true });
    fs.copyFileSync(path.join(path.dirname(SITE_FILE), site.logo), path.join(outDir, site.logo));
  }
  for (const author of corpus.authors) fs.writeFileSync(path.join(outDir, "authors", `${author.id}.md`), authorFile(author));
  for (const item of corpus.items) fs.writeFileSync(path.join(outDir, "news", `${item.slug}.md`), itemFile(item));
  return corpus;
}

if (import.meta.main) {
  const [count, outDir, seed] = process.argv.slice(2);
  const n = Number(count);
  if (!count || !outDir || !Number.isInteger(n) || n < 0 || (seed !== undefined && !Number.isInteger(Number(seed)))) {
    console.error("Usage: npx node scripts/generate-corpus.ts <number of items> <output folder> [seed]");
    process.exit(2);
  }
  const started = performance.now();
  const corpus = generateCorpus({ n, seed: seed === undefined ? 1 : Number(seed), outDir });
  console.log(`Wrote ${corpus.items.length} items and ${corpus.authors.length} authors to ${outDir} in ${Math.round(performance.now() - started)} ms.`);
}
