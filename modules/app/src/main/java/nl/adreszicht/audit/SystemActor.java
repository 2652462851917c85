package nl.adreszicht.audit;

import java.util.regex.Pattern;

/**
 * The application itself as the actor of an access log entry: a scheduled job acting on the data of one
 * organisation. Logged as subject {@code systeem:<job>} with the roles {@code systeem}, so a privacy officer of that
 * organisation finds the job's entries next to those of the organisation's professionals.
 *
 * @param job the job's name, e.g. {@code bewaartermijn}
 * @param organisation the organisation whose data the job touched
 * @param purpose why the job acted, e.g. {@code bewaartermijn verstreken}
 * @param legalBasis the rule it acted on
 */
public record SystemActor(String job, String organisation, String purpose, String legalBasis) {

    static final String ROLES = "systeem";
    static final String CLIENT = "adreszicht";

    private static final Pattern JOB = Pattern.compile("[a-z0-9-]{2,50}");

    public SystemActor {
        if (!JOB.matcher(job).matches()) {
            throw new IllegalArgumentException("A system job is named in lowercase letters, digits and dashes");
        }
        if (organisation.isBlank() || purpose.isBlank() || legalBasis.isBlank()) {
            throw new IllegalArgumentException("A system access names an organisation, a purpose and a basis");
        }
    }

    String subject() {
        return "systeem:" + job;
    }
}
