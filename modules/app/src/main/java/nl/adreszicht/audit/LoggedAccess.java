package nl.adreszicht.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** One access log entry as privacy officers read it: ids and metadata, never case content. */
@Schema(name = "Toegangslogregel")
record LoggedAccess(
        long id,
        OffsetDateTime tijdstip,
        String soort,
        String actie,
        String gebruiker,
        @Nullable String namens,
        @Nullable String organisatie,
        String rollen,
        @Nullable String objectType,
        @Nullable String objectId,
        String doel,
        String grondslag,
        boolean breakTheGlass,
        @Nullable String herkomstIp,
        @Nullable String client) {}
