// Federal subjects of the Russian Federation, grouped by federal district.
//
// Source (facts, hand-maintained; not generated): the list of subjects in Article 65 of the Constitution of
// the Russian Federation as amended in 2022 (89 subjects, listed here in the Constitution's order: republics,
// krais, oblasts, cities of federal significance, the autonomous oblast, autonomous okrugs) and the
// presidential decrees on federal districts (Buryatia and Zabaykalsky Krai moved to the Far Eastern FD in
// 2018; Crimea and Sevastopol joined the Southern FD in 2016; the DPR, the LPR, Zaporozhye and Kherson oblasts
// were included in the Southern FD in 2023).
//
// Codes: the ISO 3166-2:RU code where one exists; for the six subjects that ISO 3166-2:RU does not list,
// a code in the same style was made up for this app: RU-CR (Republic of Crimea), RU-SEV (Sevastopol),
// RU-DPR, RU-LPR, RU-ZAP (Zaporozhye Oblast), RU-KHE (Kherson Oblast). Codes are stable keys stored in the
// database: never change or reuse one. To change a name, edit this file and add a migration.
// `npx tsx scripts/build-reference.ts --check` verifies the count (89), unique codes and districts.

export type FederalDistrictCode = 'CFD' | 'NWFD' | 'SFD' | 'NCFD' | 'VFD' | 'UFD' | 'SibFD' | 'FEFD'

export interface FederalDistrict {
  code: FederalDistrictCode
  nameRu: string
  nameEn: string
}

export interface RussianRegion {
  code: string
  nameRu: string
  nameEn: string
  district: FederalDistrictCode
}

export const federalDistricts: readonly FederalDistrict[] = [
  { code: 'CFD', nameRu: 'Центральный федеральный округ', nameEn: 'Central Federal District' },
  { code: 'NWFD', nameRu: 'Северо-Западный федеральный округ', nameEn: 'Northwestern Federal District' },
  { code: 'SFD', nameRu: 'Южный федеральный округ', nameEn: 'Southern Federal District' },
  { code: 'NCFD', nameRu: 'Северо-Кавказский федеральный округ', nameEn: 'North Caucasian Federal District' },
  { code: 'VFD', nameRu: 'Приволжский федеральный округ', nameEn: 'Volga Federal District' },
  { code: 'UFD', nameRu: 'Уральский федеральный округ', nameEn: 'Ural Federal District' },
  { code: 'SibFD', nameRu: 'Сибирский федеральный округ', nameEn: 'Siberian Federal District' },
  { code: 'FEFD', nameRu: 'Дальневосточный федеральный округ', nameEn: 'Far Eastern Federal District' },
]

export const russianRegions: readonly RussianRegion[] = [
  // Republics
  { code: 'RU-AD', nameRu: 'Республика Адыгея', nameEn: 'Republic of Adygea', district: 'SFD' },
  { code: 'RU-AL', nameRu: 'Республика Алтай', nameEn: 'Altai Republic', district: 'SibFD' },
  { code: 'RU-BA', nameRu: 'Республика Башкортостан', nameEn: 'Republic of Bashkortostan', district: 'VFD' },
  { code: 'RU-BU', nameRu: 'Республика Бурятия', nameEn: 'Republic of Buryatia', district: 'FEFD' },
  { code: 'RU-DA', nameRu: 'Республика Дагестан', nameEn: 'Republic of Dagestan', district: 'NCFD' },
  { code: 'RU-DPR', nameRu: 'Донецкая Народная Республика', nameEn: "Donetsk People's Republic", district: 'SFD' },
  { code: 'RU-IN', nameRu: 'Республика Ингушетия', nameEn: 'Republic of Ingushetia', district: 'NCFD' },
  { code: 'RU-KB', nameRu: 'Кабардино-Балкарская Республика', nameEn: 'Kabardino-Balkarian Republic', district: 'NCFD' },
  { code: 'RU-KL', nameRu: 'Республика Калмыкия', nameEn: 'Republic of Kalmykia', district: 'SFD' },
  { code: 'RU-KC', nameRu: 'Карачаево-Черкесская Республика', nameEn: 'Karachay-Cherkess Republic', district: 'NCFD' },
  { code: 'RU-KR', nameRu: 'Республика Карелия', nameEn: 'Republic of Karelia', district: 'NWFD' },
  { code: 'RU-KO', nameRu: 'Республика Коми', nameEn: 'Komi Republic', district: 'NWFD' },
  { code: 'RU-CR', nameRu: 'Республика Крым', nameEn: 'Republic of Crimea', district: 'SFD' },
  { code: 'RU-LPR', nameRu: 'Луганская Народная Республика', nameEn: "Luhansk People's Republic", district: 'SFD' },
  { code: 'RU-ME', nameRu: 'Республика Марий Эл', nameEn: 'Mari El Republic', district: 'VFD' },
  { code: 'RU-MO', nameRu: 'Республика Мордовия', nameEn: 'Republic of Mordovia', district: 'VFD' },
  { code: 'RU-SA', nameRu: 'Республика Саха (Якутия)', nameEn: 'Sakha (Yakutia) Republic', district: 'FEFD' },
  { code: 'RU-SE', nameRu: 'Республика Северная Осетия — Алания', nameEn: 'Republic of North Ossetia–Alania', district: 'NCFD' },
  { code: 'RU-TA', nameRu: 'Республика Татарстан', nameEn: 'Republic of Tatarstan', district: 'VFD' },
  { code: 'RU-TY', nameRu: 'Республика Тыва', nameEn: 'Tuva Republic', district: 'SibFD' },
  { code: 'RU-UD', nameRu: 'Удмуртская Республика', nameEn: 'Udmurt Republic', district: 'VFD' },
  { code: 'RU-KK', nameRu: 'Республика Хакасия', nameEn: 'Republic of Khakassia', district: 'SibFD' },
  { code: 'RU-CE', nameRu: 'Чеченская Республика', nameEn: 'Chechen Republic', district: 'NCFD' },
  { code: 'RU-CU', nameRu: 'Чувашская Республика', nameEn: 'Chuvash Republic', district: 'VFD' },
  // Krais
  { code: 'RU-ALT', nameRu: 'Алтайский край', nameEn: 'Altai Krai', district: 'SibFD' },
  { code: 'RU-ZAB', nameRu: 'Забайкальский край', nameEn: 'Zabaykalsky Krai', district: 'FEFD' },
  { code: 'RU-KAM', nameRu: 'Камчатский край', nameEn: 'Kamchatka Krai', district: 'FEFD' },
  { code: 'RU-KDA', nameRu: 'Краснодарский край', nameEn: 'Krasnodar Krai', district: 'SFD' },
  { code: 'RU-KYA', nameRu: 'Красноярский край', nameEn: 'Krasnoyarsk Krai', district: 'SibFD' },
  { code: 'RU-PER', nameRu: 'Пермский край', nameEn: 'Perm Krai', district: 'VFD' },
  { code: 'RU-PRI', nameRu: 'Приморский край', nameEn: 'Primorsky Krai', district: 'FEFD' },
  { code: 'RU-STA', nameRu: 'Ставропольский край', nameEn: 'Stavropol Krai', district: 'NCFD' },
  { code: 'RU-KHA', nameRu: 'Хабаровский край', nameEn: 'Khabarovsk Krai', district: 'FEFD' },
  // Oblasts
  { code: 'RU-AMU', nameRu: 'Амурская область', nameEn: 'Amur Oblast', district: 'FEFD' },
  { code: 'RU-ARK', nameRu: 'Архангельская область', nameEn: 'Arkhangelsk Oblast', district: 'NWFD' },
  { code: 'RU-AST', nameRu: 'Астраханская область', nameEn: 'Astrakhan Oblast', district: 'SFD' },
  { code: 'RU-BEL', nameRu: 'Белгородская область', nameEn: 'Belgorod Oblast', district: 'CFD' },
  { code: 'RU-BRY', nameRu: 'Брянская область', nameEn: 'Bryansk Oblast', district: 'CFD' },
  { code: 'RU-VLA', nameRu: 'Владимирская область', nameEn: 'Vladimir Oblast', district: 'CFD' },
  { code: 'RU-VGG', nameRu: 'Волгоградская область', nameEn: 'Volgograd Oblast', district: 'SFD' },
  { code: 'RU-VLG', nameRu: 'Вологодская область', nameEn: 'Vologda Oblast', district: 'NWFD' },
  { code: 'RU-VOR', nameRu: 'Воронежская область', nameEn: 'Voronezh Oblast', district: 'CFD' },
  { code: 'RU-ZAP', nameRu: 'Запорожская область', nameEn: 'Zaporozhye Oblast', district: 'SFD' },
  { code: 'RU-IVA', nameRu: 'Ивановская область', nameEn: 'Ivanovo Oblast', district: 'CFD' },
  { code: 'RU-IRK', nameRu: 'Иркутская область', nameEn: 'Irkutsk Oblast', district: 'SibFD' },
  { code: 'RU-KGD', nameRu: 'Калининградская область', nameEn: 'Kaliningrad Oblast', district: 'NWFD' },
  { code: 'RU-KLU', nameRu: 'Калужская область', nameEn: 'Kaluga Oblast', district: 'CFD' },
  { code: 'RU-KEM', nameRu: 'Кемеровская область — Кузбасс', nameEn: 'Kemerovo Oblast – Kuzbass', district: 'SibFD' },
  { code: 'RU-KIR', nameRu: 'Кировская область', nameEn: 'Kirov Oblast', district: 'VFD' },
  { code: 'RU-KOS', nameRu: 'Костромская область', nameEn: 'Kostroma Oblast', district: 'CFD' },
  { code: 'RU-KGN', nameRu: 'Курганская область', nameEn: 'Kurgan Oblast', district: 'UFD' },
  { code: 'RU-KRS', nameRu: 'Курская область', nameEn: 'Kursk Oblast', district: 'CFD' },
  { code: 'RU-LEN', nameRu: 'Ленинградская область', nameEn: 'Leningrad Oblast', district: 'NWFD' },
  { code: 'RU-LIP', nameRu: 'Липецкая область', nameEn: 'Lipetsk Oblast', district: 'CFD' },
  { code: 'RU-MAG', nameRu: 'Магаданская область', nameEn: 'Magadan Oblast', district: 'FEFD' },
  { code: 'RU-MOS', nameRu: 'Московская область', nameEn: 'Moscow Oblast', district: 'CFD' },
  { code: 'RU-MUR', nameRu: 'Мурманская область', nameEn: 'Murmansk Oblast', district: 'NWFD' },
  { code: 'RU-NIZ', nameRu: 'Нижегородская область', nameEn: 'Nizhny Novgorod Oblast', district: 'VFD' },
  { code: 'RU-NGR', nameRu: 'Новгородская область', nameEn: 'Novgorod Oblast', district: 'NWFD' },
  { code: 'RU-NVS', nameRu: 'Новосибирская область', nameEn: 'Novosibirsk Oblast', district: 'SibFD' },
  { code: 'RU-OMS', nameRu: 'Омская область', nameEn: 'Omsk Oblast', district: 'SibFD' },
  { code: 'RU-ORE', nameRu: 'Оренбургская область', nameEn: 'Orenburg Oblast', district: 'VFD' },
  { code: 'RU-ORL', nameRu: 'Орловская область', nameEn: 'Oryol Oblast', district: 'CFD' },
  { code: 'RU-PNZ', nameRu: 'Пензенская область', nameEn: 'Penza Oblast', district: 'VFD' },
  { code: 'RU-PSK', nameRu: 'Псковская область', nameEn: 'Pskov Oblast', district: 'NWFD' },
  { code: 'RU-ROS', nameRu: 'Ростовская область', nameEn: 'Rostov Oblast', district: 'SFD' },
  { code: 'RU-RYA', nameRu: 'Рязанская область', nameEn: 'Ryazan Oblast', district: 'CFD' },
  { code: 'RU-SAM', nameRu: 'Самарская область', nameEn: 'Samara Oblast', district: 'VFD' },
  { code: 'RU-SAR', nameRu: 'Саратовская область', nameEn: 'Saratov Oblast', district: 'VFD' },
  { code: 'RU-SAK', nameRu: 'Сахалинская область', nameEn: 'Sakhalin Oblast', district: 'FEFD' },
  { code: 'RU-SVE', nameRu: 'Свердловская область', nameEn: 'Sverdlovsk Oblast', district: 'UFD' },
  { code: 'RU-SMO', nameRu: 'Смоленская область', nameEn: 'Smolensk Oblast', district: 'CFD' },
  { code: 'RU-TAM', nameRu: 'Тамбовская область', nameEn: 'Tambov Oblast', district: 'CFD' },
  { code: 'RU-TVE', nameRu: 'Тверская область', nameEn: 'Tver Oblast', district: 'CFD' },
  { code: 'RU-TOM', nameRu: 'Томская область', nameEn: 'Tomsk Oblast', district: 'SibFD' },
  { code: 'RU-TUL', nameRu: 'Тульская область', nameEn: 'Tula Oblast', district: 'CFD' },
  { code: 'RU-TYU', nameRu: 'Тюменская область', nameEn: 'Tyumen Oblast', district: 'UFD' },
  { code: 'RU-ULY', nameRu: 'Ульяновская область', nameEn: 'Ulyanovsk Oblast', district: 'VFD' },
  { code: 'RU-KHE', nameRu: 'Херсонская область', nameEn: 'Kherson Oblast', district: 'SFD' },
  { code: 'RU-CHE', nameRu: 'Челябинская область', nameEn: 'Chelyabinsk Oblast', district: 'UFD' },
  { code: 'RU-YAR', nameRu: 'Ярославская область', nameEn: 'Yaroslavl Oblast', district: 'CFD' },
  // Cities of federal significance
  { code: 'RU-MOW', nameRu: 'Москва', nameEn: 'Moscow', district: 'CFD' },
  { code: 'RU-SPE', nameRu: 'Санкт-Петербург', nameEn: 'Saint Petersburg', district: 'NWFD' },
  { code: 'RU-SEV', nameRu: 'Севастополь', nameEn: 'Sevastopol', district: 'SFD' },
  // Autonomous oblast
  { code: 'RU-YEV', nameRu: 'Еврейская автономная область', nameEn: 'Jewish Autonomous Oblast', district: 'FEFD' },
  // Autonomous okrugs
  { code: 'RU-NEN', nameRu: 'Ненецкий автономный округ', nameEn: 'Nenets Autonomous Okrug', district: 'NWFD' },
  { code: 'RU-KHM', nameRu: 'Ханты-Мансийский автономный округ — Югра', nameEn: 'Khanty-Mansi Autonomous Okrug – Yugra', district: 'UFD' },
  { code: 'RU-CHU', nameRu: 'Чукотский автономный округ', nameEn: 'Chukotka Autonomous Okrug', district: 'FEFD' },
  { code: 'RU-YAN', nameRu: 'Ямало-Ненецкий автономный округ', nameEn: 'Yamalo-Nenets Autonomous Okrug', district: 'UFD' },
]

/** Number of federal subjects per the Constitution (Article 65) as amended in 2022. */
export const RUSSIAN_REGION_COUNT = 89
