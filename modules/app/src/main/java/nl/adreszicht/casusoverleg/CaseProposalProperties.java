package nl.adreszicht.casusoverleg;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code adreszicht.casusoverleg.proposals.*}: the version and thresholds of the {@link CaseProposalPolicy}. The
 * defaults are in application.yaml; give the rules a new version when you change a threshold, so every proposal can be
 * traced to the rules that made it.
 */
@ConfigurationProperties("adreszicht.casusoverleg.proposals")
record CaseProposalProperties(
        @DefaultValue("v1") String version,
        @DefaultValue("true") boolean onRed,
        @DefaultValue("2") int organisations,
        @DefaultValue("P12M") Period window,
        @DefaultValue("P3M") Period quietAfterDecline) {

    CaseProposalPolicy policy() {
        return new CaseProposalPolicy(version, onRed, organisations, window, quietAfterDecline);
    }
}
