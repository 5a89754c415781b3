import { z } from 'zod'
import {
  apiErrorSchema,
  apiOrganizationDetailSchema,
  apiOrganizationSchema,
} from './organizations.schemas.ts'

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

/** The OpenAPI 3.1 document of the JSON API, its schemas generated from the zod contracts. */
export function openApiDocument(): object {
  // Importing the schemas registers them (by their meta id) in zod's global registry.
  void [apiErrorSchema, apiOrganizationDetailSchema, apiOrganizationSchema]
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
      title: 'Collaborative Hub API',
      version: '1.0.0',
      description:
        'Read access to the organisations admitted to the collaborative. Only admitted organisations are listed.',
    },
    paths: {
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
      },
    },
    components: { schemas },
  }
}
