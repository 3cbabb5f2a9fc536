// Sector taxonomy, second level: the 88 divisions (two-digit codes 01–99) of the statistical
// classification of economic activities, each inside one section of db/reference/sectors.ts.
//
// Source (facts, hand-maintained; not generated):
//   - code and section: NACE Rev. 2 (Regulation (EC) No 1893/2006), identical to OKVED-2
//     (ОК 029-2014 (КДЕС Ред. 2)) at the division level; the gaps (04, 34, 40, 44, 48, 54, 57, 67,
//     76, 83, 89) are unused codes of the classification, not omissions;
//   - nameRu: OKVED-2 class titles, shortened where the official title runs past one line;
//   - nameEn: NACE Rev. 2 division titles, shortened the same way.
// Listings name what they offer and seek with these codes or a section letter (decision 0022).
// Codes are stable keys stored in listings: never change or reuse one. To change a label, edit this file
// and add a migration that updates the stored rows.
import type { SectorCode } from './sectors'

export interface SectorDivision {
  code: string
  section: SectorCode
  nameRu: string
  nameEn: string
}

export const sectorDivisions: readonly SectorDivision[] = [
  { code: '01', section: 'A', nameRu: 'Растениеводство и животноводство, охота', nameEn: 'Crop and animal production, hunting' },
  { code: '02', section: 'A', nameRu: 'Лесоводство и лесозаготовки', nameEn: 'Forestry and logging' },
  { code: '03', section: 'A', nameRu: 'Рыболовство и рыбоводство', nameEn: 'Fishing and aquaculture' },
  { code: '05', section: 'B', nameRu: 'Добыча угля', nameEn: 'Mining of coal and lignite' },
  { code: '06', section: 'B', nameRu: 'Добыча нефти и природного газа', nameEn: 'Extraction of crude petroleum and natural gas' },
  { code: '07', section: 'B', nameRu: 'Добыча металлических руд', nameEn: 'Mining of metal ores' },
  { code: '08', section: 'B', nameRu: 'Добыча прочих полезных ископаемых', nameEn: 'Other mining and quarrying' },
  { code: '09', section: 'B', nameRu: 'Услуги в области добычи полезных ископаемых', nameEn: 'Mining support service activities' },
  { code: '10', section: 'C', nameRu: 'Производство пищевых продуктов', nameEn: 'Manufacture of food products' },
  { code: '11', section: 'C', nameRu: 'Производство напитков', nameEn: 'Manufacture of beverages' },
  { code: '12', section: 'C', nameRu: 'Производство табачных изделий', nameEn: 'Manufacture of tobacco products' },
  { code: '13', section: 'C', nameRu: 'Производство текстильных изделий', nameEn: 'Manufacture of textiles' },
  { code: '14', section: 'C', nameRu: 'Производство одежды', nameEn: 'Manufacture of wearing apparel' },
  { code: '15', section: 'C', nameRu: 'Производство кожи и изделий из кожи', nameEn: 'Manufacture of leather and related products' },
  { code: '16', section: 'C', nameRu: 'Обработка древесины и производство изделий из дерева, кроме мебели', nameEn: 'Manufacture of wood and products of wood, except furniture' },
  { code: '17', section: 'C', nameRu: 'Производство бумаги и бумажных изделий', nameEn: 'Manufacture of paper and paper products' },
  { code: '18', section: 'C', nameRu: 'Полиграфия и копирование носителей информации', nameEn: 'Printing and reproduction of recorded media' },
  { code: '19', section: 'C', nameRu: 'Производство кокса и нефтепродуктов', nameEn: 'Manufacture of coke and refined petroleum products' },
  { code: '20', section: 'C', nameRu: 'Производство химических веществ и продуктов', nameEn: 'Manufacture of chemicals and chemical products' },
  { code: '21', section: 'C', nameRu: 'Производство лекарственных средств и медицинских материалов', nameEn: 'Manufacture of basic pharmaceutical products and preparations' },
  { code: '22', section: 'C', nameRu: 'Производство резиновых и пластмассовых изделий', nameEn: 'Manufacture of rubber and plastic products' },
  { code: '23', section: 'C', nameRu: 'Производство прочей неметаллической минеральной продукции', nameEn: 'Manufacture of other non-metallic mineral products' },
  { code: '24', section: 'C', nameRu: 'Металлургическое производство', nameEn: 'Manufacture of basic metals' },
  { code: '25', section: 'C', nameRu: 'Производство готовых металлических изделий, кроме машин и оборудования', nameEn: 'Manufacture of fabricated metal products, except machinery' },
  { code: '26', section: 'C', nameRu: 'Производство компьютеров, электронных и оптических изделий', nameEn: 'Manufacture of computer, electronic and optical products' },
  { code: '27', section: 'C', nameRu: 'Производство электрического оборудования', nameEn: 'Manufacture of electrical equipment' },
  { code: '28', section: 'C', nameRu: 'Производство прочих машин и оборудования', nameEn: 'Manufacture of machinery and equipment n.e.c.' },
  { code: '29', section: 'C', nameRu: 'Производство автотранспортных средств, прицепов и полуприцепов', nameEn: 'Manufacture of motor vehicles, trailers and semi-trailers' },
  { code: '30', section: 'C', nameRu: 'Производство прочих транспортных средств и оборудования', nameEn: 'Manufacture of other transport equipment' },
  { code: '31', section: 'C', nameRu: 'Производство мебели', nameEn: 'Manufacture of furniture' },
  { code: '32', section: 'C', nameRu: 'Производство прочих готовых изделий', nameEn: 'Other manufacturing' },
  { code: '33', section: 'C', nameRu: 'Ремонт и монтаж машин и оборудования', nameEn: 'Repair and installation of machinery and equipment' },
  { code: '35', section: 'D', nameRu: 'Обеспечение электроэнергией, газом и паром; кондиционирование воздуха', nameEn: 'Electricity, gas, steam and air conditioning supply' },
  { code: '36', section: 'E', nameRu: 'Забор, очистка и распределение воды', nameEn: 'Water collection, treatment and supply' },
  { code: '37', section: 'E', nameRu: 'Сбор и обработка сточных вод', nameEn: 'Sewerage' },
  { code: '38', section: 'E', nameRu: 'Сбор, обработка и утилизация отходов; обработка вторичного сырья', nameEn: 'Waste collection, treatment and disposal; materials recovery' },
  { code: '39', section: 'E', nameRu: 'Ликвидация последствий загрязнений', nameEn: 'Remediation and other waste management services' },
  { code: '41', section: 'F', nameRu: 'Строительство зданий', nameEn: 'Construction of buildings' },
  { code: '42', section: 'F', nameRu: 'Строительство инженерных сооружений', nameEn: 'Civil engineering' },
  { code: '43', section: 'F', nameRu: 'Специализированные строительные работы', nameEn: 'Specialised construction activities' },
  { code: '45', section: 'G', nameRu: 'Торговля автотранспортными средствами и мотоциклами, их ремонт', nameEn: 'Trade and repair of motor vehicles and motorcycles' },
  { code: '46', section: 'G', nameRu: 'Оптовая торговля, кроме автотранспортных средств', nameEn: 'Wholesale trade, except of motor vehicles' },
  { code: '47', section: 'G', nameRu: 'Розничная торговля, кроме автотранспортных средств', nameEn: 'Retail trade, except of motor vehicles' },
  { code: '49', section: 'H', nameRu: 'Сухопутный и трубопроводный транспорт', nameEn: 'Land transport and transport via pipelines' },
  { code: '50', section: 'H', nameRu: 'Водный транспорт', nameEn: 'Water transport' },
  { code: '51', section: 'H', nameRu: 'Воздушный и космический транспорт', nameEn: 'Air transport' },
  { code: '52', section: 'H', nameRu: 'Складское хозяйство и вспомогательная транспортная деятельность', nameEn: 'Warehousing and support activities for transportation' },
  { code: '53', section: 'H', nameRu: 'Почтовая связь и курьерская деятельность', nameEn: 'Postal and courier activities' },
  { code: '55', section: 'I', nameRu: 'Предоставление мест для временного проживания', nameEn: 'Accommodation' },
  { code: '56', section: 'I', nameRu: 'Предоставление продуктов питания и напитков', nameEn: 'Food and beverage service activities' },
  { code: '58', section: 'J', nameRu: 'Издательская деятельность', nameEn: 'Publishing activities' },
  { code: '59', section: 'J', nameRu: 'Производство кино-, видеофильмов и телепрограмм, звукозапись', nameEn: 'Film, video and TV production, sound recording and music publishing' },
  { code: '60', section: 'J', nameRu: 'Телевизионное и радиовещание', nameEn: 'Programming and broadcasting activities' },
  { code: '61', section: 'J', nameRu: 'Телекоммуникации', nameEn: 'Telecommunications' },
  { code: '62', section: 'J', nameRu: 'Разработка программного обеспечения и консультирование в этой области', nameEn: 'Computer programming, consultancy and related activities' },
  { code: '63', section: 'J', nameRu: 'Деятельность в области информационных технологий', nameEn: 'Information service activities' },
  { code: '64', section: 'K', nameRu: 'Финансовые услуги, кроме страхования и пенсионного обеспечения', nameEn: 'Financial services, except insurance and pension funding' },
  { code: '65', section: 'K', nameRu: 'Страхование, перестрахование, негосударственные пенсионные фонды', nameEn: 'Insurance, reinsurance and pension funding' },
  { code: '66', section: 'K', nameRu: 'Вспомогательная деятельность в сфере финансовых услуг и страхования', nameEn: 'Activities auxiliary to financial services and insurance' },
  { code: '68', section: 'L', nameRu: 'Операции с недвижимым имуществом', nameEn: 'Real estate activities' },
  { code: '69', section: 'M', nameRu: 'Деятельность в области права и бухгалтерского учёта', nameEn: 'Legal and accounting activities' },
  { code: '70', section: 'M', nameRu: 'Деятельность головных офисов; консультирование по вопросам управления', nameEn: 'Head offices; management consultancy' },
  { code: '71', section: 'M', nameRu: 'Архитектура и инженерное проектирование; технические испытания и анализ', nameEn: 'Architectural and engineering activities; technical testing and analysis' },
  { code: '72', section: 'M', nameRu: 'Научные исследования и разработки', nameEn: 'Scientific research and development' },
  { code: '73', section: 'M', nameRu: 'Реклама и исследование конъюнктуры рынка', nameEn: 'Advertising and market research' },
  { code: '74', section: 'M', nameRu: 'Прочая профессиональная, научная и техническая деятельность', nameEn: 'Other professional, scientific and technical activities' },
  { code: '75', section: 'M', nameRu: 'Ветеринарная деятельность', nameEn: 'Veterinary activities' },
  { code: '77', section: 'N', nameRu: 'Аренда и лизинг', nameEn: 'Rental and leasing activities' },
  { code: '78', section: 'N', nameRu: 'Трудоустройство и подбор персонала', nameEn: 'Employment activities' },
  { code: '79', section: 'N', nameRu: 'Туристические агентства и туроператоры', nameEn: 'Travel agency, tour operator and reservation services' },
  { code: '80', section: 'N', nameRu: 'Обеспечение безопасности и проведение расследований', nameEn: 'Security and investigation activities' },
  { code: '81', section: 'N', nameRu: 'Обслуживание зданий и территорий', nameEn: 'Services to buildings and landscape activities' },
  { code: '82', section: 'N', nameRu: 'Административно-хозяйственные и прочие вспомогательные услуги для бизнеса', nameEn: 'Office administrative, office support and other business support' },
  { code: '84', section: 'O', nameRu: 'Государственное управление и обеспечение военной безопасности', nameEn: 'Public administration and defence; compulsory social security' },
  { code: '85', section: 'P', nameRu: 'Образование', nameEn: 'Education' },
  { code: '86', section: 'Q', nameRu: 'Деятельность в области здравоохранения', nameEn: 'Human health activities' },
  { code: '87', section: 'Q', nameRu: 'Уход с обеспечением проживания', nameEn: 'Residential care activities' },
  { code: '88', section: 'Q', nameRu: 'Социальные услуги без обеспечения проживания', nameEn: 'Social work activities without accommodation' },
  { code: '90', section: 'R', nameRu: 'Творческая деятельность, искусство и организация развлечений', nameEn: 'Creative, arts and entertainment activities' },
  { code: '91', section: 'R', nameRu: 'Библиотеки, архивы, музеи и прочие объекты культуры', nameEn: 'Libraries, archives, museums and other cultural activities' },
  { code: '92', section: 'R', nameRu: 'Азартные игры, пари и лотереи', nameEn: 'Gambling and betting activities' },
  { code: '93', section: 'R', nameRu: 'Спорт, отдых и развлечения', nameEn: 'Sports activities and amusement and recreation activities' },
  { code: '94', section: 'S', nameRu: 'Деятельность общественных организаций', nameEn: 'Activities of membership organisations' },
  { code: '95', section: 'S', nameRu: 'Ремонт компьютеров, предметов личного и бытового назначения', nameEn: 'Repair of computers and personal and household goods' },
  { code: '96', section: 'S', nameRu: 'Прочие персональные услуги', nameEn: 'Other personal service activities' },
  { code: '97', section: 'T', nameRu: 'Домашние хозяйства с наёмными работниками', nameEn: 'Activities of households as employers of domestic personnel' },
  { code: '98', section: 'T', nameRu: 'Производство товаров и услуг домашними хозяйствами для себя', nameEn: 'Undifferentiated production of private households for own use' },
  { code: '99', section: 'U', nameRu: 'Деятельность экстерриториальных организаций', nameEn: 'Activities of extraterritorial organisations and bodies' },
]
