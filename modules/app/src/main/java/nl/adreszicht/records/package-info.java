/**
 * The small kernel every recording module shares, and nothing else: the address id every record is kept under, where
 * a record comes from ({@link nl.adreszicht.records.RecordSource}) and how severe it is, the events that a record was
 * stored or deleted at an address ({@link nl.adreszicht.records.RecordedAtAddress}) or destroyed
 * ({@link nl.adreszicht.records.RecordDestroyed}), the reason a professional states for an exceptional step, and the
 * validation errors that name a field and a message key, and the open work a module reports for the start page
 * ({@link nl.adreszicht.records.OpenWork}). It depends on no other module; a type belongs here only when
 * several modules that do not otherwise know each other must agree on it.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package nl.adreszicht.records;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
