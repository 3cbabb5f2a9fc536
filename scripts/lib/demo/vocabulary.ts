/**
 * Word lists for plausible demo listings: name roots, activities per sector and
 * legal forms per country. Demo data only; nothing here is reference data.
 */

export type Root = { ru: string; en: string; local?: string }
export type Activity = { ru: string; en: string; ja: string; zh: string; ko: string; th: string; vi: string }

/** Roots a compatriot might pick anywhere in the region. */
export const russianRoots: Root[] = [
  { ru: 'Байкал', en: 'Baikal' },
  { ru: 'Амур', en: 'Amur' },
  { ru: 'Восток', en: 'Vostok' },
  { ru: 'Тайга', en: 'Taiga' },
  { ru: 'Берёзка', en: 'Beryozka' },
  { ru: 'Волга', en: 'Volga' },
  { ru: 'Сибирь', en: 'Siberia' },
  { ru: 'Нева', en: 'Neva' },
  { ru: 'Аврора', en: 'Aurora' },
  { ru: 'Калина', en: 'Kalina' },
  { ru: 'Ладога', en: 'Ladoga' },
  { ru: 'Камчатка', en: 'Kamchatka' },
  { ru: 'Приморье', en: 'Primorye' },
  { ru: 'Мост', en: 'Most' },
  { ru: 'Союз', en: 'Soyuz' },
  { ru: 'Меридиан', en: 'Meridian' },
  { ru: 'Радуга', en: 'Raduga' },
  { ru: 'Парус', en: 'Parus' },
]

/** Local roots by country, with the Russian and Latin spellings used in the other names. */
export const localRoots: Record<string, Root[]> = {
  JP: [
    { ru: 'Сакура', en: 'Sakura', local: '桜' },
    { ru: 'Фудзи', en: 'Fuji', local: '富士' },
    { ru: 'Ямато', en: 'Yamato', local: '大和' },
    { ru: 'Никко', en: 'Nikko', local: '日光' },
    { ru: 'Хикари', en: 'Hikari', local: '光' },
    { ru: 'Мидори', en: 'Midori', local: '緑' },
    { ru: 'Аой', en: 'Aoi', local: '葵' },
  ],
  CN: [
    { ru: 'Чанцзян', en: 'Changjiang', local: '长江' },
    { ru: 'Хуашэн', en: 'Huasheng', local: '华盛' },
    { ru: 'Дунфан', en: 'Dongfang', local: '东方' },
    { ru: 'Цзиньлун', en: 'Jinlong', local: '金龙' },
    { ru: 'Хэпин', en: 'Heping', local: '和平' },
    { ru: 'Юнфа', en: 'Yongfa', local: '永发' },
    { ru: 'Шэнли', en: 'Shengli', local: '胜利' },
  ],
  HK: [
    { ru: 'Вэйе', en: 'Wai Yip', local: '偉業' },
    { ru: 'Харбор', en: 'Harbour', local: '海港' },
    { ru: 'Голден', en: 'Golden', local: '金域' },
  ],
  KR: [
    { ru: 'Ханыль', en: 'Haneul', local: '하늘' },
    { ru: 'Мирэ', en: 'Mirae', local: '미래' },
    { ru: 'Хансоль', en: 'Hansol', local: '한솔' },
    { ru: 'Пада', en: 'Bada', local: '바다' },
    { ru: 'Сэбёк', en: 'Saebyeok', local: '새벽' },
  ],
  TH: [
    { ru: 'Сиам', en: 'Siam', local: 'สยาม' },
    { ru: 'Чайя', en: 'Chaiya', local: 'ไชยา' },
    { ru: 'Пхра Ин', en: 'Phra In', local: 'พระอินทร์' },
    { ru: 'Сукхотай', en: 'Sukhothai', local: 'สุโขทัย' },
    { ru: 'Андаман', en: 'Andaman', local: 'อันดามัน' },
  ],
  VN: [
    { ru: 'Хонгха', en: 'Hong Ha', local: 'Hồng Hà' },
    { ru: 'Саонам', en: 'Sao Nam', local: 'Sao Nam' },
    { ru: 'Ванлонг', en: 'Van Long', local: 'Vạn Long' },
    { ru: 'Фыонгдонг', en: 'Phuong Dong', local: 'Phương Đông' },
    { ru: 'Анфат', en: 'An Phat', local: 'An Phát' },
  ],
  MN: [
    { ru: 'Тэнгэр', en: 'Tenger', local: 'Тэнгэр' },
    { ru: 'Алтан', en: 'Altan', local: 'Алтан' },
    { ru: 'Хангай', en: 'Khangai', local: 'Хангай' },
  ],
  ID: [
    { ru: 'Нусантара', en: 'Nusantara', local: 'Nusantara' },
    { ru: 'Гаруда', en: 'Garuda', local: 'Garuda' },
    { ru: 'Маджу', en: 'Maju', local: 'Maju' },
  ],
  MY: [
    { ru: 'Семенанджунг', en: 'Semenanjung', local: 'Semenanjung' },
    { ru: 'Киналу', en: 'Kinabalu', local: 'Kinabalu' },
  ],
  KH: [
    { ru: 'Ангкор', en: 'Angkor', local: 'អង្គរ' },
    { ru: 'Меконг', en: 'Mekong', local: 'មេគង្គ' },
  ],
  LA: [
    { ru: 'Лансанг', en: 'Lane Xang', local: 'ລ້ານຊ້າງ' },
    { ru: 'Чампа', en: 'Champa', local: 'ຈຳປາ' },
  ],
  MM: [
    { ru: 'Шведагон', en: 'Shwedagon', local: 'ရွှေတိဂုံ' },
    { ru: 'Ява', en: 'Yadana', local: 'ရတနာ' },
  ],
  NP: [
    { ru: 'Гималая', en: 'Himalaya', local: 'हिमालय' },
    { ru: 'Сагарматха', en: 'Sagarmatha', local: 'सगरमाथा' },
  ],
  IN: [
    { ru: 'Ганга', en: 'Ganga', local: 'गंगा' },
    { ru: 'Бхарат', en: 'Bharat', local: 'भारत' },
    { ru: 'Сурья', en: 'Surya', local: 'सूर्य' },
  ],
  BD: [
    { ru: 'Падма', en: 'Padma', local: 'পদ্মা' },
    { ru: 'Сонар', en: 'Sonar', local: 'সোনার' },
  ],
  LK: [
    { ru: 'Ланка', en: 'Lanka', local: 'ලංකා' },
    { ru: 'Серендиб', en: 'Serendib', local: 'සෙරන්ඩිබ්' },
  ],
}

/** How the local-script name is put together, and in which language it is. */
export const localNameForm: Record<
  string,
  { lang: string; make: (root: string, activity: Activity) => string }
> = {
  JP: { lang: 'ja', make: (r, a) => `株式会社${r}${a.ja}` },
  CN: { lang: 'zh', make: (r, a) => `${r}${a.zh}有限公司` },
  HK: { lang: 'zh', make: (r, a) => `${r}${a.zh}有限公司` },
  KR: { lang: 'ko', make: (r, a) => `(주)${r}${a.ko}` },
  TH: { lang: 'th', make: (r, a) => `บริษัท ${r}${a.th} จำกัด` },
  VN: { lang: 'vi', make: (r, a) => `Công ty TNHH ${a.vi} ${r}` },
  MN: { lang: 'mn', make: (r) => `${r} ХХК` },
  ID: { lang: 'id', make: (r) => `PT ${r} Sejahtera` },
  MY: { lang: 'ms', make: (r) => `${r} Sdn. Bhd.` },
  KH: { lang: 'km', make: (r) => `ក្រុមហ៊ុន ${r}` },
  LA: { lang: 'lo', make: (r) => `ບໍລິສັດ ${r}` },
  MM: { lang: 'my', make: (r) => `${r} ကုမ္ပဏီ` },
  NP: { lang: 'ne', make: (r) => `${r} प्रा. लि.` },
  IN: { lang: 'hi', make: (r) => `${r} प्राइवेट लिमिटेड` },
  BD: { lang: 'bn', make: (r) => `${r} লিমিটেড` },
  LK: { lang: 'si', make: (r) => `${r} සමාගම` },
}

export const englishLegalForm: Record<string, string> = {
  JP: 'K.K.',
  CN: 'Co., Ltd.',
  HK: 'Limited',
  KR: 'Co., Ltd.',
  TH: 'Co., Ltd.',
  VN: 'LLC',
  AU: 'Pty Ltd',
  NZ: 'Ltd',
  SG: 'Pte. Ltd.',
  MY: 'Sdn. Bhd.',
  ID: 'PT',
  IN: 'Pvt. Ltd.',
  PH: 'Inc.',
}

/** Activities by NACE section: the word in each language used to build names. */
export const activitiesBySector: Record<string, Activity[]> = {
  A: [{ ru: 'Агро', en: 'Agro', ja: '農産', zh: '农业', ko: '농산', th: 'เกษตร', vi: 'Nông sản' }],
  C: [
    {
      ru: 'Техпром',
      en: 'Industries',
      ja: '工業',
      zh: '工业',
      ko: '산업',
      th: 'อุตสาหกรรม',
      vi: 'Công nghiệp',
    },
    { ru: 'Фуд', en: 'Foods', ja: '食品', zh: '食品', ko: '식품', th: 'อาหาร', vi: 'Thực phẩm' },
  ],
  F: [{ ru: 'Строй', en: 'Construction', ja: '建設', zh: '建设', ko: '건설', th: 'ก่อสร้าง', vi: 'Xây dựng' }],
  G: [
    { ru: 'Трейд', en: 'Trading', ja: '貿易', zh: '贸易', ko: '무역', th: 'เทรดดิ้ง', vi: 'Thương mại' },
    { ru: 'Импорт', en: 'Import', ja: '商事', zh: '进出口', ko: '상사', th: 'นำเข้า', vi: 'Xuất nhập khẩu' },
  ],
  H: [{ ru: 'Логистик', en: 'Logistics', ja: '物流', zh: '物流', ko: '물류', th: 'โลจิสติกส์', vi: 'Vận tải' }],
  I: [
    { ru: 'Тур', en: 'Travel', ja: '観光', zh: '旅游', ko: '여행', th: 'ท่องเที่ยว', vi: 'Du lịch' },
    { ru: 'Ресторан', en: 'Restaurant', ja: '食堂', zh: '餐饮', ko: '식당', th: 'ภัตตาคาร', vi: 'Nhà hàng' },
  ],
  J: [{ ru: 'Софт', en: 'Software', ja: 'ソフト', zh: '软件', ko: '소프트', th: 'ซอฟต์แวร์', vi: 'Phần mềm' }],
  K: [
    { ru: 'Капитал', en: 'Capital', ja: 'キャピタル', zh: '资本', ko: '캐피탈', th: 'แคปปิตอล', vi: 'Đầu tư' },
  ],
  L: [
    {
      ru: 'Недвижимость',
      en: 'Realty',
      ja: '不動産',
      zh: '地产',
      ko: '부동산',
      th: 'อสังหา',
      vi: 'Bất động sản',
    },
  ],
  M: [
    {
      ru: 'Консалт',
      en: 'Consulting',
      ja: 'コンサルティング',
      zh: '咨询',
      ko: '컨설팅',
      th: 'คอนซัลติ้ง',
      vi: 'Tư vấn',
    },
  ],
  N: [
    { ru: 'Сервис', en: 'Services', ja: 'サービス', zh: '服务', ko: '서비스', th: 'เซอร์วิส', vi: 'Dịch vụ' },
  ],
  P: [
    { ru: 'Академия', en: 'Academy', ja: '学院', zh: '学院', ko: '아카데미', th: 'อะคาเดมี', vi: 'Học viện' },
  ],
  Q: [{ ru: 'Мед', en: 'Medical', ja: 'メディカル', zh: '医疗', ko: '메디컬', th: 'การแพทย์', vi: 'Y tế' }],
  R: [{ ru: 'Арт', en: 'Arts', ja: 'アート', zh: '艺术', ko: '아트', th: 'อาร์ต', vi: 'Nghệ thuật' }],
}

/** How often each sector appears as a listing's main sector. */
export const sectorWeights: Record<string, number> = {
  G: 26,
  I: 14,
  H: 10,
  J: 9,
  M: 9,
  C: 8,
  P: 6,
  L: 4,
  F: 4,
  A: 3,
  Q: 3,
  K: 2,
  N: 1,
  R: 1,
}

/**
 * What a business of a main sector plausibly offers and seeks (taxonomy codes: divisions, or a whole
 * section), so that demo listings find each other on their pages: traders seek producers and carriers,
 * producers seek traders and logistics, and so on.
 */
export const tradeBySector: Record<string, { offers: string[]; seeks: string[] }> = {
  A: { offers: ['01', '03', '02'], seeks: ['28', '46', '52', '10'] },
  C: { offers: ['10', '11', '20', '22', '25', '26', '27', '28'], seeks: ['46', '52', 'H', '71', '24'] },
  F: { offers: ['41', '42', '43'], seeks: ['23', '24', '28', '71'] },
  G: { offers: ['46', '47', '45'], seeks: ['10', '11', 'C', '49', '52', '01'] },
  H: { offers: ['49', '50', '52', '51', '53'], seeks: ['46', 'C', 'G', '10'] },
  I: { offers: ['55', '56'], seeks: ['79', '10', '11', '46'] },
  J: { offers: ['62', '63', '58', '61'], seeks: ['73', '70', 'K', '62'] },
  K: { offers: ['64', '66', '65'], seeks: ['62', '69'] },
  L: { offers: ['68'], seeks: ['41', '81', '69'] },
  M: { offers: ['69', '70', '71', '73', '72'], seeks: ['62', 'J', '46'] },
  N: { offers: ['79', '78', '82', '77'], seeks: ['55', 'I', '51'] },
  P: { offers: ['85'], seeks: ['62', '79', '55'] },
  Q: { offers: ['86', '87'], seeks: ['21', '32', '26'] },
  R: { offers: ['90', '93', '91'], seeks: ['73', '79', '55'] },
}

export const keywordsBySector: Record<string, { ru: string; en: string }[]> = {
  A: [
    { ru: 'морепродукты', en: 'seafood' },
    { ru: 'зерно', en: 'grain' },
    { ru: 'мёд', en: 'honey' },
  ],
  C: [
    { ru: 'оборудование', en: 'equipment' },
    { ru: 'упаковка', en: 'packaging' },
    { ru: 'пищевое производство', en: 'food processing' },
  ],
  F: [
    { ru: 'отделка', en: 'fit-out' },
    { ru: 'проектирование', en: 'design' },
    { ru: 'деревянные дома', en: 'timber houses' },
  ],
  G: [
    { ru: 'оптовая торговля', en: 'wholesale' },
    { ru: 'импорт', en: 'import' },
    { ru: 'экспорт', en: 'export' },
    { ru: 'дистрибуция', en: 'distribution' },
  ],
  H: [
    { ru: 'контейнерные перевозки', en: 'container shipping' },
    { ru: 'таможенное оформление', en: 'customs clearance' },
    { ru: 'склад', en: 'warehouse' },
    { ru: 'авиадоставка', en: 'air freight' },
  ],
  I: [
    { ru: 'туры в Россию', en: 'tours to Russia' },
    { ru: 'русская кухня', en: 'Russian cuisine' },
    { ru: 'гостиница', en: 'hotel' },
  ],
  J: [
    { ru: 'разработка ПО', en: 'software development' },
    { ru: 'мобильные приложения', en: 'mobile apps' },
    { ru: 'локализация', en: 'localisation' },
  ],
  K: [
    { ru: 'инвестиции', en: 'investment' },
    { ru: 'страхование', en: 'insurance' },
  ],
  L: [
    { ru: 'аренда', en: 'rental' },
    { ru: 'управление недвижимостью', en: 'property management' },
  ],
  M: [
    { ru: 'юридические услуги', en: 'legal services' },
    { ru: 'перевод', en: 'translation' },
    { ru: 'бухгалтерия', en: 'accounting' },
    { ru: 'выход на рынок', en: 'market entry' },
  ],
  N: [
    { ru: 'визовая поддержка', en: 'visa support' },
    { ru: 'подбор персонала', en: 'recruitment' },
  ],
  P: [
    { ru: 'русский язык', en: 'Russian language' },
    { ru: 'обучение в России', en: 'study in Russia' },
    { ru: 'детский центр', en: 'kids centre' },
  ],
  Q: [
    { ru: 'медицинский туризм', en: 'medical tourism' },
    { ru: 'стоматология', en: 'dentistry' },
  ],
  R: [
    { ru: 'концерты', en: 'concerts' },
    { ru: 'выставки', en: 'exhibitions' },
  ],
}

export const descriptionTemplates: Record<string, { ru: string; en: string }> = {
  A: {
    ru: 'Поставки сельскохозяйственной продукции и морепродуктов',
    en: 'Supplies agricultural produce and seafood',
  },
  C: {
    ru: 'Производство и поставка промышленной продукции',
    en: 'Manufactures and supplies industrial goods',
  },
  F: {
    ru: 'Строительство и ремонт жилых и коммерческих объектов',
    en: 'Builds and renovates residential and commercial property',
  },
  G: {
    ru: 'Оптовая и розничная торговля, импорт и экспорт товаров',
    en: 'Wholesale and retail trade, import and export of goods',
  },
  H: {
    ru: 'Международные грузоперевозки и таможенное оформление',
    en: 'International freight forwarding and customs clearance',
  },
  I: { ru: 'Гостеприимство, туризм и русская кухня', en: 'Hospitality, tourism and Russian cuisine' },
  J: { ru: 'Разработка программного обеспечения и ИТ-услуги', en: 'Software development and IT services' },
  K: { ru: 'Финансовые и инвестиционные услуги', en: 'Financial and investment services' },
  L: {
    ru: 'Операции с недвижимостью и управление объектами',
    en: 'Real estate transactions and property management',
  },
  M: { ru: 'Консалтинг, юридические услуги и переводы', en: 'Consulting, legal services and translation' },
  N: {
    ru: 'Деловые услуги: визы, персонал, сопровождение',
    en: 'Business services: visas, staffing, assistance',
  },
  P: {
    ru: 'Образование: русский язык, подготовка к учёбе в России',
    en: 'Education: Russian language, preparation for study in Russia',
  },
  Q: { ru: 'Медицинские услуги и медицинский туризм', en: 'Medical services and medical tourism' },
  R: { ru: 'Культурные мероприятия, концерты и выставки', en: 'Cultural events, concerts and exhibitions' },
}

/** Russian regions compatriot businesses most often look to, with relative weights (items 14–15). */
export const regionInterestWeights: Record<string, number> = {
  'RU-PRI': 20,
  'RU-MOW': 18,
  'RU-SPE': 12,
  'RU-KHA': 10,
  'RU-SAK': 6,
  'RU-AMU': 5,
  'RU-NVS': 6,
  'RU-IRK': 6,
  'RU-KYA': 5,
  'RU-KAM': 3,
  'RU-SA': 3,
  'RU-BU': 3,
  'RU-ZAB': 3,
  'RU-TOM': 2,
  'RU-SVE': 3,
  'RU-TA': 3,
  'RU-MOS': 3,
  'RU-KDA': 2,
  'RU-ALT': 2,
  'RU-MAG': 1,
  'RU-YEV': 1,
  'RU-CHU': 1,
  'RU-NIZ': 1,
  'RU-KGD': 1,
}

/** Everyday messengers by country: who would list which. */
export const messengersByCountry: Record<string, string[]> = {
  JP: ['line', 'telegram'],
  CN: ['wechat'],
  HK: ['wechat', 'whatsapp'],
  KR: ['kakaotalk', 'telegram'],
  TH: ['line', 'whatsapp', 'telegram'],
  VN: ['zalo', 'telegram'],
  TW: ['line'],
}

/** Country calling codes for demo phone numbers. */
export const callingCodes: Record<string, string> = {
  AU: '61',
  BD: '880',
  BN: '673',
  BT: '975',
  CN: '86',
  FJ: '679',
  HK: '852',
  ID: '62',
  IN: '91',
  JP: '81',
  KH: '855',
  KR: '82',
  LA: '856',
  LK: '94',
  MM: '95',
  MN: '976',
  MO: '853',
  MV: '960',
  MY: '60',
  NP: '977',
  NZ: '64',
  PG: '675',
  PH: '63',
  PK: '92',
  SG: '65',
  TH: '66',
  TL: '670',
  VN: '84',
  WS: '685',
  TO: '676',
  VU: '678',
  SB: '677',
  KI: '686',
  FM: '691',
  MH: '692',
  PW: '680',
  NR: '674',
  TV: '688',
  KP: '850',
  TW: '886',
}

/** Relative number of listings per country: where the compatriot communities are larger. */
export const countryWeights: Record<string, number> = {
  TH: 16,
  CN: 15,
  VN: 11,
  JP: 10,
  KR: 9,
  AU: 8,
  ID: 5,
  IN: 5,
  MY: 4,
  SG: 4,
  NZ: 3,
  MN: 3,
  HK: 2,
  PH: 2,
  KH: 2,
  LK: 2,
  NP: 1,
  LA: 1,
  MM: 1,
  BD: 1,
  PK: 1,
  FJ: 0.5,
  BN: 0.3,
}
