/**
 * Words for the sample ledger: people, businesses, places and what gets invoiced. Accented
 * and non-English names are here on purpose, so that every screen, search and PDF meets them.
 */

// prettier-ignore
export const firstNames = [
  'Oliver', 'Amelia', 'George', 'Isla', 'Harry', 'Ava', 'Noah', 'Mia', 'Jack', 'Ivy',
  'Leo', 'Grace', 'Arthur', 'Freya', 'Muhammad', 'Lily', 'Oscar', 'Sophia', 'Charlie', 'Emily',
  'Zoë', 'Łukasz', 'Siobhán', 'Seán', 'Aoife', 'Niamh', 'Ciarán', 'Eoghan', 'Dafydd', 'Rhiannon',
  'Małgorzata', 'Paweł', 'Agnieszka', 'Wojciech', 'Zsófia', 'Bálint', 'Jürgen', 'Björn', 'Søren',
  'Ørjan', 'Chloé', 'Hélène', 'François', 'Inês', 'João', 'Ramón', 'Mónica', 'Nuño', 'Çağla',
  'Gökhan', 'Priya', 'Arjun', 'Aaliyah', 'Chidi', 'Ngozi', 'Kwame', 'Mei', 'Hiroshi', 'Yuki',
  'Dmitri', 'Anastasia', 'Ewa', 'Tomáš', 'Zuzana', 'Ana', 'Mateo', 'Lucía', 'Élodie', 'Renée',
];

// prettier-ignore
export const lastNames = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Wright',
  'Robinson', 'Thompson', 'Evans', 'Walker', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke',
  "O'Brien", "O'Sullivan", 'Ní Bhriain', 'Mac Giolla', 'Kelly', 'Murphy', 'McCarthy', 'ap Rhys',
  'Łukasiewicz', 'Wiśniewski', 'Kowalczyk', 'Nowak', 'Zieliński', 'Brontë', 'Müller', 'Schröder',
  'Weiß', 'Håkansson', 'Østergaard', 'Lefèvre', 'Dubois', 'Gonçalves', 'Peña', 'Núñez', 'Yılmaz',
  'Öztürk', 'Sharma', 'Okafor', 'Mensah', 'Nakamura', 'Chen', 'Nguyễn', 'Dvořák', 'Horváth',
  'Fernández', 'García', 'Smith-Jones', 'Van der Berg', 'de la Cruz', 'Fitzgerald', 'Ahmed', 'Khan',
];

// prettier-ignore
export const tradeWords = [
  'Joinery', 'Plumbing', 'Electrical', 'Design', 'Consulting', 'Roofing', 'Landscapes',
  'Bakery', 'Print', 'Catering', 'Logistics', 'Studio', 'Engineering', 'Interiors', 'Builders',
  'Café', 'Florist', 'Garage', 'Architects', 'Tiling', 'Lettings', 'Events', 'Media', 'Wholesale',
];

// prettier-ignore
export const placeWords = [
  'Harbour', 'Northgate', 'Riverside', 'Oak Tree', 'Millbrook', 'Castle', 'Highfield', 'Westway',
  'Kingfisher', 'Brightwater', 'Stonebridge', 'Foxglove', 'Ashdown', 'Bluebell', 'Heathrow',
  'Thornbury', 'Ffestiniog', 'Llanberis', 'Dún Laoghaire', 'Kraków', 'Zürich', 'Málaga',
];

export const companySuffixes = ['Ltd', 'Limited', 'LLP', '& Co', '& Sons', 'Group', 'Ltd', 'Ltd'];

// prettier-ignore
export const streets = [
  'High Street', 'Station Road', 'Church Lane', 'Mill Lane', 'Victoria Road', 'Green Lane',
  'Manor Road', 'Park Avenue', 'Queen’s Road', 'The Crescent', 'Kings Way', 'Bridge Street',
];

// prettier-ignore
export const towns = [
  ['Bristol', 'BS1'], ['Leeds', 'LS2'], ['Manchester', 'M4'], ['Cardiff', 'CF10'],
  ['Edinburgh', 'EH1'], ['Belfast', 'BT1'], ['Norwich', 'NR2'], ['Exeter', 'EX4'],
  ['York', 'YO1'], ['Brighton', 'BN1'], ['Swansea', 'SA1'], ['Inverness', 'IV1'],
] as const;

export const emailDomains = ['example.com', 'example.co.uk', 'example.org', 'example.net'];

/** What a line says, how it is counted and what one of it costs (minor units). */
export interface LineTemplate {
  description: string;
  /** `hours`: quarter hours; `units`: whole numbers; `once`: always 1; `miles`: 5 to 250. */
  quantity: 'hours' | 'units' | 'once' | 'miles';
  price: readonly [number, number];
}

export const lineTemplates: readonly LineTemplate[] = [
  { description: 'Labour', quantity: 'hours', price: [3500, 7500] },
  { description: 'Consultancy', quantity: 'hours', price: [6000, 15000] },
  { description: 'Design work', quantity: 'hours', price: [4500, 9500] },
  { description: 'Site visit', quantity: 'once', price: [5000, 15000] },
  { description: 'Call-out charge', quantity: 'once', price: [4500, 9000] },
  { description: 'Materials', quantity: 'units', price: [199, 4999] },
  { description: 'Replacement parts', quantity: 'units', price: [350, 12500] },
  { description: 'Delivery', quantity: 'once', price: [495, 2500] },
  { description: 'Monthly support', quantity: 'once', price: [15000, 120000] },
  { description: 'Equipment hire (days)', quantity: 'units', price: [2500, 18000] },
  { description: 'Travel', quantity: 'miles', price: [45, 45] },
  { description: 'Printing', quantity: 'units', price: [12, 350] },
  { description: 'Catering per head', quantity: 'units', price: [850, 3500] },
  { description: 'Licence fee', quantity: 'once', price: [9900, 49900] },
];

export const creditNoteReasons = [
  'Goods returned',
  'Pricing error on the invoice',
  'A gesture of goodwill for the late delivery',
  'Duplicate line',
  'Agreed discount',
];

export const writeOffReasons = [
  'Customer ceased trading',
  'Small balance not worth chasing',
  'Disputed work, settled by agreement',
  'Customer could not be traced',
];

export const paymentMethods = [
  ['bank transfer', 70],
  ['card', 15],
  ['cheque', 5],
  ['cash', 3],
  ['direct debit', 7],
] as const;

export const customerTags = ['trade', 'retail', 'contract', 'repeat', 'new', 'vip'];
