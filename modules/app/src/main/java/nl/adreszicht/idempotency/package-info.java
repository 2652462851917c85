/**
 * Idempotent creation over {@code /api/v1}: a POST that carries an {@code Idempotency-Key} runs once per key, per
 * subject and per method and path; the same key with the same body answers the first response again, another body
 * is refused (422), a concurrent one is told to retry (409). The key's stored response commits in the transaction of
 * the write it answers, and expires after a day (ADR 0014).
 */
@ApplicationModule(allowedDependencies = {"records", "security", "audit", "time"})
@NullMarked
package nl.adreszicht.idempotency;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
