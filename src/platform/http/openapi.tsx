import { defineCatalog } from '../i18n/catalog.js';
import type { PageContext } from '../views/context.js';
import { Layout } from '../views/layout.js';
import { renderDocument } from '../views/render.js';
import { pageContext } from './page.js';
import type { App } from './server.js';

defineCatalog('apidocs', {
  id: {
    title: 'Dokumentasi API',
    lead: 'API JSON Satupintu berversi di bawah /api/v1. Spesifikasi lengkap dalam format OpenAPI 3.1 tersedia di {spec}.',
    errors: 'Setiap kesalahan dijawab dengan {shape}. Pesan mengikuti header Accept-Language (id atau en).',
    parameters: 'Parameter',
    body: 'Isi permintaan',
    responses: 'Jawaban',
    required: 'wajib',
    none: 'Belum ada operasi.',
  },
  en: {
    title: 'API documentation',
    lead: 'The Satupintu JSON API is versioned under /api/v1. The full OpenAPI 3.1 specification is at {spec}.',
    errors: 'Every error is answered with {shape}. Messages follow the Accept-Language header (id or en).',
    parameters: 'Parameters',
    body: 'Request body',
    responses: 'Responses',
    required: 'required',
    none: 'No operations yet.',
  },
});

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  description?: string;
  anyOf?: JsonSchema[];
};
type Operation = {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: JsonSchema }> }>;
};

function typeLabel(s: JsonSchema | undefined): string {
  if (!s) return 'any';
  if (s.enum) return s.enum.map(String).join(' | ');
  if (s.anyOf) return s.anyOf.map(typeLabel).join(' | ');
  const type = Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? 'object');
  const extras = [s.format, s.minLength !== undefined ? `≥${s.minLength}` : '', s.maxLength !== undefined ? `≤${s.maxLength}` : '']
    .filter(Boolean)
    .join(', ');
  return type === 'array' ? `array of ${typeLabel(s.items)}` : extras ? `${type} (${extras})` : type;
}

function SchemaList({ ctx, schema }: { ctx: PageContext; schema: JsonSchema | undefined }) {
  if (!schema?.properties) {
    return (
      <p class="govuk-body">
        <code>{typeLabel(schema)}</code>
      </p>
    );
  }
  return (
    <ul class="govuk-list govuk-list--bullet">
      {Object.entries(schema.properties).map(([name, prop]) => (
        <li>
          <code>{name}</code>: {typeLabel(prop)}
          {schema.required?.includes(name) ? ` (${ctx.t('apidocs.required')})` : ''}
          {prop.properties ? <SchemaList ctx={ctx} schema={prop} /> : null}
        </li>
      ))}
    </ul>
  );
}

function ApiDocsPage({ ctx, spec }: { ctx: PageContext; spec: { paths?: Record<string, Record<string, Operation>> } }) {
  const t = ctx.t;
  const [leadBefore, leadAfter] = t('apidocs.lead', { spec: '\u0000' }).split('\u0000');
  const [errBefore, errAfter] = t('apidocs.errors', { shape: '\u0000' }).split('\u0000');
  const operations = Object.entries(spec.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  return (
    <Layout ctx={ctx} title={t('apidocs.title')}>
      <h1 class="govuk-heading-l">{t('apidocs.title')}</h1>
      <p class="govuk-body">
        {leadBefore}
        <a class="govuk-link" href="/api/openapi.json">
          /api/openapi.json
        </a>
        {leadAfter}
      </p>
      <p class="govuk-body">
        {errBefore}
        <code>{'{"error":{"code","message","fields"?},"requestId"}'}</code>
        {errAfter}
      </p>
      {operations.length === 0 && <p class="govuk-body">{t('apidocs.none')}</p>}
      {operations.map(({ path, method, op }) => {
        const body = op.requestBody?.content?.['application/json']?.schema;
        return (
          <section class="sp-api-op" aria-labelledby={`op-${method}-${path}`}>
            <h2 class="govuk-heading-m" id={`op-${method}-${path}`}>
              <span class="sp-api-method">{method}</span> <code>{path}</code>
            </h2>
            {op.summary && <p class="govuk-body">{op.summary}</p>}
            {op.parameters && op.parameters.length > 0 && (
              <>
                <h3 class="govuk-heading-s">{t('apidocs.parameters')}</h3>
                <ul class="govuk-list govuk-list--bullet">
                  {op.parameters.map((p) => (
                    <li>
                      <code>{p.name}</code> ({p.in}): {typeLabel(p.schema)}
                      {p.required ? ` (${t('apidocs.required')})` : ''}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {body && (
              <>
                <h3 class="govuk-heading-s">{t('apidocs.body')}</h3>
                <SchemaList ctx={ctx} schema={body} />
              </>
            )}
            <h3 class="govuk-heading-s">{t('apidocs.responses')}</h3>
            <ul class="govuk-list">
              {Object.entries(op.responses ?? {}).map(([status, r]) => (
                <li>
                  <strong>{status}</strong> {r.description && r.description !== 'Default Response' ? r.description : ''}
                  <SchemaList ctx={ctx} schema={r.content?.['application/json']?.schema} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </Layout>
  );
}

/** The generated OpenAPI document and a readable, script-free reference page built from it. */
export async function registerApiDocs(app: App) {
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  app.get('/api/docs', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    request.isApi = false;
    return reply.html(renderDocument(ApiDocsPage({ ctx: pageContext(request, reply), spec: app.swagger() as never })));
  });
}
