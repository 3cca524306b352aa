/**
 * OpenTelemetry tracing, switched on by the standard environment variables: with
 * OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) set, HTTP requests, Express
 * routes, GraphQL parsing, validation and resolvers, and PostgreSQL statements become spans sent over
 * OTLP/HTTP (JSON) to that collector. OTEL_SERVICE_NAME names the service (default otklik-api),
 * OTEL_TRACES_SAMPLER / OTEL_TRACES_SAMPLER_ARG sample, OTEL_SDK_DISABLED=true switches it off.
 *
 * Load it before the application: `node --import ./server/dist/tracing.js server/dist/main.js` (the
 * image does), so the instrumented modules are hooked as they load. Without the variables it does nothing.
 */
import { register } from 'node:module';
import { onShutdown } from './common/observability/shutdown-hooks.js';

const env = process.env;
const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? env.OTEL_EXPORTER_OTLP_ENDPOINT;
const enabled = Boolean(endpoint) && env.OTEL_SDK_DISABLED !== 'true' && env.OTEL_TRACES_EXPORTER !== 'none';

if (enabled) {
  // ES modules (graphql, express) are hooked through the loader; CommonJS ones (pg) through require.
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
  const [
    { NodeTracerProvider },
    { BatchSpanProcessor },
    { OTLPTraceExporter },
    { registerInstrumentations },
    { HttpInstrumentation },
    { ExpressInstrumentation },
    { PgInstrumentation },
    { GraphQLInstrumentation },
    { resourceFromAttributes },
    { ATTR_SERVICE_NAME },
  ] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/sdk-trace-base'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/instrumentation'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-express'),
    import('@opentelemetry/instrumentation-pg'),
    import('@opentelemetry/instrumentation-graphql'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/semantic-conventions'),
  ]);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME ?? 'otklik-api' }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes would drown the traces that matter.
        ignoreIncomingRequestHook: (request) => /^\/(healthz|readyz|metrics)\b/.test(request.url ?? ''),
      }),
      new ExpressInstrumentation(),
      // One span per statement, with its text (parameters are never recorded).
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
      // Resolvers of scalar fields would add a span per value: only object-returning resolvers are traced.
      new GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, mergeItems: true }),
    ],
  });
  onShutdown(() => provider.shutdown());
  process.stderr.write(`otklik: tracing to ${endpoint}\n`);
}
