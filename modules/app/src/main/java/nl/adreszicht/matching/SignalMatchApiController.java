package nl.adreszicht.matching;

import java.time.OffsetDateTime;
import java.util.List;
import nl.adreszicht.audit.AccessEntry;
import nl.adreszicht.audit.AccessKind;
import nl.adreszicht.audit.AccessLog;
import nl.adreszicht.security.CurrentProfessional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/samenloopsignalen}: the addresses where another organisation also has a signal, for the
 * caller's organisation, naming whom to contact and nothing of what they recorded.
 */
@RestController
class SignalMatchApiController {

    static final String READ = "samenloopsignalen.lezen";

    private final SignalMatches matches;
    private final AccessLog accessLog;
    private final CurrentProfessional currentProfessional;

    SignalMatchApiController(SignalMatches matches, AccessLog accessLog, CurrentProfessional currentProfessional) {
        this.matches = matches;
        this.accessLog = accessLog;
        this.currentProfessional = currentProfessional;
    }

    @GetMapping("/api/v1/samenloopsignalen")
    List<Samenloopsignaal> list() {
        String organisation = currentProfessional
                .require()
                .organisation()
                .orElseThrow(() -> new AccessDeniedException("Samenloop hoort bij een organisatie."));
        accessLog.record(new AccessEntry(AccessKind.LEZEN, READ, "samenloopsignalen", null, false));
        return matches.of(organisation, null).stream()
                .map(match -> new Samenloopsignaal(
                        match.id().toString(),
                        match.address().toString(),
                        match.otherOrganisation(),
                        match.since(),
                        match.last()))
                .toList();
    }

    /**
     * Another organisation also has a signal at this address.
     *
     * @param contactOrganisatie the organisation to contact
     */
    record Samenloopsignaal(
            String id, String adresId, String contactOrganisatie, OffsetDateTime sinds, OffsetDateTime laatst) {}
}
