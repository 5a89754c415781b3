import { z } from 'zod'
import { apiOpportunitySchema } from '#src/features/grants/index.ts'
import { apiSearchAnswerSchema, apiSearchResultSchema, searchKinds } from '#src/features/search/index.ts'
import {
  apiApplicationEvidenceSchema,
  apiApplicationSchema,
  listedApplicationStatuses,
} from './applications-read.ts'
import {
  apiErrorSchema,
  apiOrganizationDetailSchema,
  apiOrganizationSchema,
} from './organizations.schemas.ts'
import {
  apiEditableOrganizationSchema,
  apiOrganizationUpdateSchema,
  apiValidationErrorSchema,
} from './organizations-write.api.ts'

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` })
const json = (schema: object) => ({ 'application/json': { schema } })

const filterParameters = [
  { name: 'category', in: 'query', schema: { type: 'string', enum: ['member', 'bff'] } },
  { name: 'state', in: 'query', description: 'Two-letter state code, e.g. CA', schema: { type: 'string' } },
  {
    name: 'program',
    in: 'query',
    description: 'Designation program code, e.g. IMCP',
    schema: { type: 'string' },
  },
  {
    name: 'focus',
    in: 'query',
    description: 'A focus industry, exactly as listed',
    schema: { type: 'string' },
  },
]

const opportunityParameters = [
  {
    name: 'category',
    in: 'query',
    description: 'Funding category code, e.g. RD',
    schema: { type: 'string' },
  },
  {
    name: 'agency',
    in: 'query',
    description: 'Agency code or its prefix, e.g. DOC-EDA or DOC',
    schema: { type: 'string' },
  },
  {
    name: 'eligibility',
    in: 'query',
    description: 'Eligible applicant code, e.g. 12',
    schema: { type: 'string' },
  },
  {
    name: 'closesBy',
    in: 'query',
    description: 'Closing (or expected to close) on or before, YYYY-MM-DD',
    schema: { type: 'string', format: 'date' },
  },
  { name: 'stage', in: 'query', schema: { type: 'string', enum: ['posted', 'forecast'] } },
  {
    name: 'minAmount',
    in: 'query',
    description: 'Award ceiling (or total funding) of at least this many dollars',
    schema: { type: 'integer', minimum: 0 },
  },
  { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
]

/** The OpenAPI 3.1 document of the JSON API, its schemas generated from the zod contracts. */
export function openApiDocument(networkName: string): object {
  // Importing the schemas registers them (by their meta id) in zod's global registry.
  void [apiErrorSchema, apiOrganizationDetailSchema, apiOrganizationSchema]
  void [apiApplicationSchema, apiApplicationEvidenceSchema]
  void [apiOrganizationUpdateSchema, apiEditableOrganizationSchema, apiValidationErrorSchema]
  void [apiSearchAnswerSchema, apiSearchResultSchema, apiOpportunitySchema]
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    target: 'draft-2020-12',
    uri: (id) => `#/components/schemas/${id}`,
  }) as unknown as { schemas: Record<string, Record<string, unknown>> }
  for (const schema of Object.values(schemas)) {
    delete schema.$schema
    delete schema.$id
  }
  return {
    openapi: '3.1.0',
    info: {
      title: `${networkName} API`,
      version: '1.0.0',
      description:
        'Read access to the organisations admitted to the collaborative (only admitted organisations are listed), ' +
        'membership applications for staff, and changes to organisation profiles. Reading organisations needs no ' +
        'credentials. Other operations take an API token (`Authorization: Bearer …`, with the scope each one ' +
        'names) or a signed-in session; a session that changes something must also send our Origin and an ' +
        '`X-CSRF-Token` header equal to its `hub_csrf` cookie.',
    },
    paths: {
      '/api/v1/search': {
        get: {
          summary: "Search the network's content",
          description:
            'Pages, news, briefings, resources, presentations and organisations, ranked (a title match above a ' +
            'summary match above a body match, then the newer first), ten a page. English stemming; "quoted ' +
            'phrases", -exclusions and `or` as in a web search; the last word also matches the words it begins. ' +
            'The answer holds what the caller may see: members-only items for a signed-in seat holder, board ' +
            'member or staff member; public items only for anyone else, API tokens included.',
          operationId: 'search',
          parameters: [
            {
              name: 'q',
              in: 'query',
              description: 'The words to look for (at most 200 characters are used)',
              schema: { type: 'string' },
            },
            {
              name: 'kind',
              in: 'query',
              description: 'Only results of this kind',
              schema: { type: 'string', enum: [...searchKinds] },
            },
            {
              name: 'page',
              in: 'query',
              description: 'The page of results, from 1 (at most 100)',
              schema: { type: 'integer', minimum: 1, maximum: 100 },
            },
          ],
          responses: {
            200: {
              description: 'One page of results, with the counts per kind',
              content: json(ref('SearchAnswer')),
            },
            401: { description: 'A token that is not valid', content: json(ref('Error')) },
          },
        },
      },
      '/api/v1/opportunities': {
        get: {
          summary: 'List open and forecast federal funding opportunities',
          description:
            'Opportunities from the Grants.gov extracts the Hub imported that are open today (not closed nor ' +
            'archived) or forecast, soonest to close first, fifty a page. Public federal data: no credentials needed.',
          operationId: 'listOpportunities',
          parameters: opportunityParameters,
          responses: {
            200: {
              description: 'One page of opportunities, with the total',
              content: json({
                type: 'object',
                required: ['data', 'meta'],
                properties: {
                  data: { type: 'array', items: ref('Opportunity') },
                  meta: {
                    type: 'object',
                    properties: {
                      total: { type: 'integer' },
                      page: { type: 'integer' },
                      pageSize: { type: 'integer' },
                      pages: { type: 'integer' },
                    },
                  },
                },
              }),
            },
            400: {
              description: 'A filter that is not valid, saying what was expected',
              content: json(ref('Error')),
            },
          },
        },
      },
      '/api/v1/organizations': {
        get: {
          summary: 'List admitted organisations',
          operationId: 'listOrganizations',
          parameters: filterParameters,
          responses: {
            200: {
              description: 'Admitted organisations, by name',
              content: json({
                type: 'object',
                required: ['data', 'meta'],
                properties: {
                  data: { type: 'array', items: ref('Organization') },
                  meta: {
                    type: 'object',
                    properties: { count: { type: 'integer' }, filters: { type: 'object' } },
                  },
                },
              }),
            },
          },
        },
      },
      '/api/v1/organizations/{id}': {
        get: {
          summary: 'One admitted organisation, by id or slug',
          operationId: 'getOrganization',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            200: {
              description: 'The organisation with its partners, designations and verified outcomes',
              content: json({
                type: 'object',
                required: ['data'],
                properties: { data: ref('OrganizationDetail') },
              }),
            },
            404: { description: 'No admitted organisation has this id or slug', content: json(ref('Error')) },
          },
        },
        patch: {
          summary: "Change an organisation's profile",
          description:
            'Any of summary, website, focusIndustries and partners; omitted fields keep their value. The rules ' +
            'are those of the profile page: staff may edit any organisation, a representative or alternate the ' +
            'one whose seat they hold today, and a token with the organizations:write scope any organisation. ' +
            'Works on organisations that are not (or no longer) admitted too. Every change is in the audit log, ' +
            'recorded against the person or the token.',
          operationId: 'updateOrganization',
          security: [{ apiToken: ['organizations:write'] }, { session: [] }],
          parameters: [
            {
              name: 'id',
              in: 'path',
              required: true,
              description: 'The id or the slug',
              schema: { type: 'string' },
            },
          ],
          requestBody: { required: true, content: json(ref('OrganizationProfileUpdate')) },
          responses: {
            200: {
              description: 'The profile as saved; meta.changed is false when nothing differed',
              content: json({
                type: 'object',
                required: ['data', 'meta'],
                properties: {
                  data: ref('EditableOrganization'),
                  meta: { type: 'object', properties: { changed: { type: 'boolean' } } },
                },
              }),
            },
            400: {
              description: 'A field needs a change; nothing was saved',
              content: json(ref('ValidationError')),
            },
            401: { description: 'No credentials, or a token that is not valid', content: json(ref('Error')) },
            403: {
              description:
                'Not allowed for this organisation, a token without the scope, or a session request without the cross-site token',
              content: json(ref('Error')),
            },
            404: { description: 'No organisation has this id or slug', content: json(ref('Error')) },
            413: { description: 'A body over 512 KB; nothing was saved', content: json(ref('Error')) },
          },
        },
      },
      '/api/v1/applications': {
        get: {
          summary: 'List membership applications',
          description: 'Submitted applications (drafts are not listed), the latest submission first.',
          operationId: 'listApplications',
          security: [{ apiToken: ['applications:read'] }, { session: [] }],
          parameters: [
            {
              name: 'status',
              in: 'query',
              description: 'One or more statuses, separated by commas',
              schema: { type: 'string', examples: ['submitted', 'needs_info,with_board'] },
            },
          ],
          responses: {
            200: {
              description: 'The applications',
              content: json({
                type: 'object',
                required: ['data', 'meta'],
                properties: {
                  data: { type: 'array', items: ref('Application') },
                  meta: {
                    type: 'object',
                    properties: {
                      count: { type: 'integer' },
                      filters: {
                        type: 'object',
                        properties: {
                          status: { type: 'array', items: { enum: [...listedApplicationStatuses] } },
                        },
                      },
                    },
                  },
                },
              }),
            },
            400: { description: 'An unknown status', content: json(ref('ValidationError')) },
            401: { description: 'No credentials, or a token that is not valid', content: json(ref('Error')) },
            403: {
              description: 'Not staff, or a token without the applications:read scope',
              content: json(ref('Error')),
            },
          },
        },
      },
      '/api/v1/applications/{id}': {
        get: {
          summary: 'One membership application',
          operationId: 'getApplication',
          security: [{ apiToken: ['applications:read'] }, { session: [] }],
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
          ],
          responses: {
            200: {
              description: 'The application with its evidence',
              content: json({ type: 'object', required: ['data'], properties: { data: ref('Application') } }),
            },
            401: { description: 'No credentials, or a token that is not valid', content: json(ref('Error')) },
            403: {
              description: 'Not staff, or a token without the applications:read scope',
              content: json(ref('Error')),
            },
            404: { description: 'No submitted application has this id', content: json(ref('Error')) },
          },
        },
      },
    },
    components: {
      schemas,
      securitySchemes: {
        apiToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An API token created by staff, with scopes. A request without valid credentials gets 401 with WWW-Authenticate: Bearer.',
        },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'better-auth.session_token',
          description: 'A signed-in session (the Hub pages)',
        },
      },
    },
  }
}
