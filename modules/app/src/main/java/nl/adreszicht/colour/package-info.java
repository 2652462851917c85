/**
 * The colour code of an address (domain.md section 4): a versioned {@code ColourPolicy} of named rules decides the
 * colour from the records every recording module offers as a {@link nl.adreszicht.colour.ColourRecordSource}, on
 * every record stored or deleted at the address and nightly for decay ({@code ColourDecay}, in short batches). Each
 * result keeps the rules that fired and the records that counted, every change goes into the colour history, a
 * professional may raise the colour with a reason and Veilig Thuis may lower it by four eyes until a review date.
 * {@code ColourExplanation} tells each role as much of the why as it may see. Also the address card that shows it: the
 * {@code /adressen} page and {@code /api/v1/adressen}, which find the address through the register's
 * {@code AddressRegister} (scoped and logged there) and add its colour. Other modules read only what a colour change
 * announces ({@link nl.adreszicht.colour.ColourChanged}) and whether a colour went up since a mark
 * ({@link nl.adreszicht.colour.ColourEscalations}). Its tables were created by the {@code addresses} changelogs,
 * which keep their file names (a changeSet's identity includes its file).
 */
@ApplicationModule(allowedDependencies = {"records", "addresses", "radar", "codelists", "security", "audit", "time"})
@NullMarked
package nl.adreszicht.colour;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
