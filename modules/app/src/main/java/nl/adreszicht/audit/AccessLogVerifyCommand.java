package nl.adreszicht.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The verification command: started with {@code --adreszicht.access-log.verify=true} the application seals
 * what is pending, checks the chain, prints the report and exits: 0 when intact, 3 when tampering was found.
 */
@Component
@ConditionalOnBooleanProperty("adreszicht.access-log.verify")
class AccessLogVerifyCommand implements ApplicationRunner {

    private final AccessLogSealer sealer;
    private final ChainVerifier verifier;
    private final ConfigurableApplicationContext context;

    AccessLogVerifyCommand(AccessLogSealer sealer, ChainVerifier verifier, ConfigurableApplicationContext context) {
        this.sealer = sealer;
        this.verifier = verifier;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        sealer.sealPending();
        VerificationReport report = verifier.verify();
        System.out.printf(
                "Access log: %d sealed entries checked, %d pending, %d findings%n",
                report.checked(), report.pending(), report.findings().size());
        report.findings()
                .forEach(finding -> System.out.printf(
                        finding.entryId() == null ? "  %3$s %4$s: %2$s%n" : "  entry %1$d: %2$s%n",
                        finding.entryId(),
                        finding.kind(),
                        finding.objectType(),
                        finding.objectId()));
        ExitCodeGenerator exitCode = () -> report.intact() ? 0 : 3;
        System.exit(SpringApplication.exit(context, exitCode));
    }
}
