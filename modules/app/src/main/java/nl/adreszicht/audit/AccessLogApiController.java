package nl.adreszicht.audit;

import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/toegangslog}: the access log for privacy officers, and its integrity check. */
// No @Validated: Spring MVC's own method validation answers a bad id with 400 as problem details.
@RestController
class AccessLogApiController {

    /** Opaque ids only: UUIDs and similar. Anything else (a name, an address) is refused with 400. */
    static final String OPAQUE_ID = "[A-Za-z0-9-]{1,64}";

    private final AccessLogQueries queries;
    private final AccessLogSealer sealer;
    private final ChainVerifier verifier;

    AccessLogApiController(AccessLogQueries queries, AccessLogSealer sealer, ChainVerifier verifier) {
        this.queries = queries;
        this.sealer = sealer;
        this.verifier = verifier;
    }

    @GetMapping("/api/v1/toegangslog/objecten/{objectId}")
    List<LoggedAccess> aboutObject(@PathVariable @Pattern(regexp = OPAQUE_ID) String objectId) {
        return queries.aboutObject(objectId, "toegangslog.object");
    }

    @GetMapping("/api/v1/toegangslog/gebruikers/{subject}")
    List<LoggedAccess> byProfessional(@PathVariable @Pattern(regexp = OPAQUE_ID) String subject) {
        return queries.byProfessional(subject, "toegangslog.gebruiker");
    }

    @GetMapping("/api/v1/toegangslog/break-the-glass")
    List<LoggedAccess> breakTheGlass() {
        return queries.breakTheGlass("toegangslog.break-the-glass");
    }

    /** Seals what has settled, then checks the whole chain. */
    @GetMapping("/api/v1/toegangslog/verificatie")
    VerificationReport verify() {
        sealer.sealPending();
        return verifier.verify();
    }
}
