// Sector taxonomy: the 21 sections (A–U) of the statistical classification of economic activities.
//
// Source (facts, hand-maintained; not generated):
//   - nameRu: section titles of OKVED-2 (ОК 029-2014 (КДЕС Ред. 2), the Russian classifier of economic
//     activities), which is harmonised with NACE Rev. 2 at the section level;
//   - nameEn: section titles of NACE Rev. 2 (Regulation (EC) No 1893/2006);
//   - shortRu / shortEn: short labels for chips, filters and map legends, written for this app.
// NACE Rev. 2.1 (2025) reorganised several sections; this list deliberately stays on Rev. 2 / OKVED-2,
// which is what Russian counterparts use. To change a label, edit this file and add a migration that
// updates the stored rows (codes are stable and must never be reused for another meaning).

export type SectorCode =
  | 'A'
  | 'B'
  | 'C'
  | 'D'
  | 'E'
  | 'F'
  | 'G'
  | 'H'
  | 'I'
  | 'J'
  | 'K'
  | 'L'
  | 'M'
  | 'N'
  | 'O'
  | 'P'
  | 'Q'
  | 'R'
  | 'S'
  | 'T'
  | 'U'

export interface Sector {
  code: SectorCode
  nameRu: string
  nameEn: string
  shortRu: string
  shortEn: string
}

export const sectors: readonly Sector[] = [
  { code: 'A', nameRu: 'Сельское, лесное хозяйство, охота, рыболовство и рыбоводство', nameEn: 'Agriculture, forestry and fishing', shortRu: 'Сельское хозяйство', shortEn: 'Agriculture' },
  { code: 'B', nameRu: 'Добыча полезных ископаемых', nameEn: 'Mining and quarrying', shortRu: 'Добыча ископаемых', shortEn: 'Mining' },
  { code: 'C', nameRu: 'Обрабатывающие производства', nameEn: 'Manufacturing', shortRu: 'Производство', shortEn: 'Manufacturing' },
  { code: 'D', nameRu: 'Обеспечение электрической энергией, газом и паром; кондиционирование воздуха', nameEn: 'Electricity, gas, steam and air conditioning supply', shortRu: 'Энергетика', shortEn: 'Energy' },
  { code: 'E', nameRu: 'Водоснабжение; водоотведение, организация сбора и утилизации отходов, деятельность по ликвидации загрязнений', nameEn: 'Water supply; sewerage, waste management and remediation activities', shortRu: 'Водоснабжение и отходы', shortEn: 'Water and waste' },
  { code: 'F', nameRu: 'Строительство', nameEn: 'Construction', shortRu: 'Строительство', shortEn: 'Construction' },
  { code: 'G', nameRu: 'Торговля оптовая и розничная; ремонт автотранспортных средств и мотоциклов', nameEn: 'Wholesale and retail trade; repair of motor vehicles and motorcycles', shortRu: 'Торговля', shortEn: 'Trade' },
  { code: 'H', nameRu: 'Транспортировка и хранение', nameEn: 'Transportation and storage', shortRu: 'Транспорт и логистика', shortEn: 'Transport and logistics' },
  { code: 'I', nameRu: 'Деятельность гостиниц и предприятий общественного питания', nameEn: 'Accommodation and food service activities', shortRu: 'Гостиницы и рестораны', shortEn: 'Hotels and restaurants' },
  { code: 'J', nameRu: 'Деятельность в области информации и связи', nameEn: 'Information and communication', shortRu: 'IT и связь', shortEn: 'IT and communication' },
  { code: 'K', nameRu: 'Деятельность финансовая и страховая', nameEn: 'Financial and insurance activities', shortRu: 'Финансы и страхование', shortEn: 'Finance and insurance' },
  { code: 'L', nameRu: 'Деятельность по операциям с недвижимым имуществом', nameEn: 'Real estate activities', shortRu: 'Недвижимость', shortEn: 'Real estate' },
  { code: 'M', nameRu: 'Деятельность профессиональная, научная и техническая', nameEn: 'Professional, scientific and technical activities', shortRu: 'Профессиональные услуги', shortEn: 'Professional services' },
  { code: 'N', nameRu: 'Деятельность административная и сопутствующие дополнительные услуги', nameEn: 'Administrative and support service activities', shortRu: 'Административные услуги', shortEn: 'Business support' },
  { code: 'O', nameRu: 'Государственное управление и обеспечение военной безопасности; социальное обеспечение', nameEn: 'Public administration and defence; compulsory social security', shortRu: 'Госуправление', shortEn: 'Public administration' },
  { code: 'P', nameRu: 'Образование', nameEn: 'Education', shortRu: 'Образование', shortEn: 'Education' },
  { code: 'Q', nameRu: 'Деятельность в области здравоохранения и социальных услуг', nameEn: 'Human health and social work activities', shortRu: 'Здравоохранение', shortEn: 'Health care' },
  { code: 'R', nameRu: 'Деятельность в области культуры, спорта, организации досуга и развлечений', nameEn: 'Arts, entertainment and recreation', shortRu: 'Культура и спорт', shortEn: 'Arts and recreation' },
  { code: 'S', nameRu: 'Предоставление прочих видов услуг', nameEn: 'Other service activities', shortRu: 'Прочие услуги', shortEn: 'Other services' },
  { code: 'T', nameRu: 'Деятельность домашних хозяйств как работодателей; недифференцированная деятельность частных домашних хозяйств по производству товаров и оказанию услуг для собственного потребления', nameEn: 'Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use', shortRu: 'Домашние хозяйства', shortEn: 'Households' },
  { code: 'U', nameRu: 'Деятельность экстерриториальных организаций и органов', nameEn: 'Activities of extraterritorial organisations and bodies', shortRu: 'Международные организации', shortEn: 'International organisations' },
]
