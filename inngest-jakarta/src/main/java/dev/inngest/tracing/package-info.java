/**
 * Tracing without a tracing library in the core: {@link dev.inngest.tracing.Tracing} and its spans, with a
 * no-op default; the {@code inngest-opentelemetry} module implements them on OpenTelemetry.
 */
package dev.inngest.tracing;
