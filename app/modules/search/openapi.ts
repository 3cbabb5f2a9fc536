import { cooperationKinds, sizeBands } from '#db/reference/cooperation'
import { federalDistricts } from '#db/reference/russian-regions'
import { taxonomy } from '~/modules/businesses/taxonomy'
import { MAX_PAGE, MAX_PER_PAGE, MAX_QUERY_LENGTH, MAX_VALUES, PAGE_SIZE, sorts } from './params'

const listParam = (name: string, description: string, items: Record<string, unknown>) => ({
  name,
  in: 'query',
  description: `${description} Repeat the parameter or separate values with commas; values of one filter are alternatives (OR), filters combine with AND. At most ${MAX_VALUES} values.`,
  required: false,
  style: 'form',
  explode: true,
  schema: { type: 'array', items, maxItems: MAX_VALUES },
})

const facetCounts = {
  type: 'object',
  description:
    'Number of matching listings per value; each filter is counted with every other filter applied.',
  additionalProperties: { type: 'integer' },
}

const tradeCodes = taxonomy.flatMap((s) => [s.code, ...s.divisions.map((d) => d.code)])

/** A token that is unknown, revoked or expired: never silently treated as anonymous. */
const unauthorized = {
  description:
    'The bearer token is unknown, revoked or expired (code token_invalid, token_revoked, token_expired).',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
}

/** OpenAPI 3.1 description of the public JSON API (served at /api/v1/openapi.json). */
export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Russian Business Map API · API карты российского бизнеса',
    version: '1.0.0',
    description:
      "Search and read the published listings of compatriot businesses in the Asia-Pacific region. The same parameters as the search page URL (/?q=…&country=…), so a page URL can be turned into an API call. Without credentials the API answers as for a visitor; with an API token (created on the account page, sent as `Authorization: Bearer <token>`) it answers with the permissions of the token's owner, e.g. pending listings and all contacts for the working group. Tokens only read: the same token also downloads /export.csv, /export.xlsx and /export.geojson.",
  },
  servers: [{ url: '/' }],
  // Anonymous or with a token.
  security: [{}, { apiToken: [] }],
  paths: {
    '/api/v1/businesses': {
      get: {
        operationId: 'searchBusinesses',
        summary: 'Search listings with filters, facets, sorting and paging',
        parameters: [
          {
            name: 'q',
            in: 'query',
            description:
              'Free text in Russian, English or a local script; typos are tolerated, the last word matches as a prefix, Chinese/Japanese/Korean/Thai match by a substring of 2+ characters.',
            schema: { type: 'string', maxLength: MAX_QUERY_LENGTH },
          },
          listParam('country', 'ISO 3166-1 alpha-2 country codes.', {
            type: 'string',
            pattern: '^[A-Z]{2}$',
          }),
          listParam('sector', 'Sector sections (NACE/OKVED letters).', {
            type: 'string',
            pattern: '^[A-Z]$',
          }),
          listParam(
            'region',
            'Russian federal subjects the business seeks cooperation with (ISO 3166-2:RU).',
            {
              type: 'string',
              pattern: '^RU-[A-Z]{2,4}$',
            },
          ),
          listParam('district', 'Russian federal districts.', {
            type: 'string',
            enum: federalDistricts.map((d) => d.code),
          }),
          listParam('coop', 'Kinds of cooperation sought with Russia.', {
            type: 'string',
            enum: cooperationKinds.map((k) => k.code),
          }),
          listParam(
            'offers',
            'What the business offers: sector taxonomy codes, a section letter (C, also matching listings that name one of its divisions) or a two-digit NACE Rev. 2 / OKVED-2 division (10, also matching listings that name its whole section).',
            { type: 'string', enum: tradeCodes },
          ),
          listParam('seeks', 'What the business seeks: the same codes and matching as `offers`.', {
            type: 'string',
            enum: tradeCodes,
          }),
          listParam('size', 'Size bands.', { type: 'string', enum: sizeBands.map((s) => s.code) }),
          {
            name: 'verified',
            in: 'query',
            description: '1: verified by the country council only; 0: not verified yet.',
            schema: { type: 'string', enum: ['1', '0', 'true', 'false'] },
          },
          {
            name: 'bbox',
            in: 'query',
            description:
              'Map box "west,south,east,north" in degrees (WGS 84); west > east crosses the antimeridian.',
            schema: { type: 'string', example: '129,30,146,46' },
          },
          {
            name: 'sort',
            in: 'query',
            description:
              'relevance (default with q), name (in the language of lang), newest (default without q).',
            schema: { type: 'string', enum: [...sorts] },
          },
          {
            name: 'page',
            in: 'query',
            schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 },
          },
          {
            name: 'perPage',
            in: 'query',
            schema: { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE, default: PAGE_SIZE },
          },
          {
            name: 'lang',
            in: 'query',
            description: 'Language of city names, name sorting and error messages.',
            schema: { type: 'string', enum: ['ru', 'en'], default: 'ru' },
          },
        ],
        responses: {
          '200': {
            description: 'A page of results',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/SearchResult' } } },
          },
          '400': {
            description: 'A parameter is invalid; the error names it.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
          '401': unauthorized,
        },
      },
    },
    '/api/v1/businesses/{id}': {
      get: {
        operationId: 'getBusiness',
        summary: 'One published listing. Contact fields appear only where the owner made them public.',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
          { name: 'lang', in: 'query', schema: { type: 'string', enum: ['ru', 'en'] } },
        ],
        responses: {
          '200': {
            description: 'The listing',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { business: { $ref: '#/components/schemas/Business' } },
                  required: ['business'],
                },
              },
            },
          },
          '404': {
            description: 'Unknown or not published',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
          '401': unauthorized,
        },
      },
    },
  },
  components: {
    securitySchemes: {
      apiToken: {
        type: 'http',
        scheme: 'bearer',
        description:
          'A personal API token ("cbm_…") from the account page. Read-only; acts with the owner\'s current roles; revocable and optionally expiring.',
      },
    },
    schemas: {
      Hit: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          nameRu: { type: ['string', 'null'] },
          nameEn: { type: ['string', 'null'] },
          nameLocal: { type: ['string', 'null'] },
          localLang: { type: ['string', 'null'] },
          countryCode: { type: 'string' },
          city: { type: ['string', 'null'], description: 'In the language of lang.' },
          verified: { type: 'boolean' },
          sectorCodes: { type: 'array', items: { type: 'string' } },
          status: { type: 'string' },
          lat: { type: ['number', 'null'] },
          lon: { type: ['number', 'null'] },
          url: { type: 'string' },
        },
        required: ['id', 'countryCode', 'verified', 'sectorCodes', 'url'],
      },
      SearchResult: {
        type: 'object',
        properties: {
          hits: { type: 'array', items: { $ref: '#/components/schemas/Hit' } },
          total: { type: 'integer' },
          page: { type: 'integer' },
          perPage: { type: 'integer' },
          pages: { type: 'integer' },
          facets: {
            type: 'object',
            properties: {
              country: facetCounts,
              sector: facetCounts,
              region: facetCounts,
              district: facetCounts,
              coop: facetCounts,
              offers: {
                ...facetCounts,
                description:
                  'Per code: a division counts the listings naming it, a section those naming it or any of its divisions.',
              },
              seeks: { ...facetCounts, description: 'As offers.' },
              size: facetCounts,
              verified: { ...facetCounts, description: 'Keys "1" (verified) and "0".' },
            },
          },
          correctedQuery: {
            type: ['string', 'null'],
            description: 'Set when nothing matched as typed and a corrected spelling was searched.',
          },
          query: { type: 'string', description: 'The canonical query string of this search.' },
        },
        required: ['hits', 'total', 'page', 'perPage', 'pages', 'facets'],
      },
      Business: {
        type: 'object',
        properties: {
          id: { type: 'integer' },
          nameRu: { type: ['string', 'null'] },
          nameEn: { type: ['string', 'null'] },
          nameLocal: { type: ['string', 'null'] },
          descriptionRu: { type: ['string', 'null'] },
          descriptionEn: { type: ['string', 'null'] },
          keywords: { type: 'array', items: { type: 'string' } },
          countryCode: { type: 'string' },
          city: { type: ['string', 'null'] },
          address: { type: ['string', 'null'], description: 'null unless the owner made it public' },
          lat: { type: ['number', 'null'] },
          lon: { type: ['number', 'null'] },
          website: { type: ['string', 'null'] },
          email: { type: ['string', 'null'], description: 'null unless the owner made it public' },
          phone: { type: ['string', 'null'], description: 'null unless the owner made it public' },
          messengers: { type: 'object', description: 'empty unless the owner made them public' },
          sectorCodes: { type: 'array', items: { type: 'string' } },
          regionCodes: { type: 'array', items: { type: 'string' } },
          cooperationKinds: { type: 'array', items: { type: 'string' } },
          offers: { type: 'array', items: { type: 'string' }, description: 'Taxonomy codes offered' },
          seeks: { type: 'array', items: { type: 'string' }, description: 'Taxonomy codes sought' },
          verified: { type: 'boolean' },
          updatedAt: { type: 'string', format: 'date-time' },
          url: { type: 'string' },
        },
        required: ['id', 'countryCode', 'verified'],
      },
      Error: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: {
              code: {
                type: 'string',
                enum: [
                  'invalid_parameter',
                  'not_found',
                  'token_invalid',
                  'token_revoked',
                  'token_expired',
                  'token_read_only',
                ],
              },
              parameter: { type: 'string', description: 'The invalid parameter (400 only).' },
              message: { type: 'string', description: 'In the language of lang.' },
              issues: { type: 'array', items: { type: 'object' } },
            },
            required: ['code', 'message'],
          },
        },
        required: ['error'],
      },
    },
  },
} as const
