package nl.adreszicht.veiligthuis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import nl.adreszicht.records.InvalidValueException;
import nl.adreszicht.security.CurrentProfessional;
import nl.adreszicht.security.Professional;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Reminders of deadlines (issue 16): every deadline of a professional's own cases that is due within two working days
 * or overdue (veiligheidsbeoordeling, onderzoek, monitoring, informing) is on the worklist; a professional who opts in
 * also gets, once per working day at most, an e-mail that holds no personal data at all: no case, address, name or
 * count, only a link to their worklist. One instance of the cluster sends (an advisory lock); mail is off when no
 * {@code spring.mail.host} is configured.
 */
@Service
class Herinneringen {

    private static final Logger log = LoggerFactory.getLogger(Herinneringen.class);

    /** The advisory lock key of the daily send: one instance of the cluster sends. */
    private static final long LOCK_KEY = 0x56_54_52_45_4d_49_4e_44L;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

    /** The subject and text of every reminder: the same for everyone, so it can carry nothing about a case. */
    static final String SUBJECT = "Adreszicht: termijnen in uw werkvoorraad";

    /**
     * Professionals who opted in, were not reminded today, and have a case of their own with a deadline by the given
     * day (the same deadlines the worklist shows as due or overdue).
     */
    static final String DUE = "SELECT p.subject, p.reminder_email FROM vt_professional p WHERE p.reminders"
            + " AND (p.reminded_on IS NULL OR p.reminded_on < ?) AND EXISTS (SELECT 1 FROM vt_melding m"
            + " WHERE m.behandelaar = p.subject AND ("
            + " (m.ended_at IS NULL AND m.assessment_code IS NULL AND m.assessment_due <= ?)"
            + " OR (m.ended_at IS NULL AND m.investigation_started_on IS NOT NULL AND m.investigation_closed_at IS NULL"
            + "     AND m.investigation_due <= ?)"
            + " OR (m.ended_at IS NULL AND m.kind = 'melding' AND m.informed_on IS NULL"
            + "     AND coalesce(m.informing_review_on, m.received_on + 28) <= ?)"
            + " OR EXISTS (SELECT 1 FROM vt_monitoring mo WHERE mo.melding_id = m.id AND mo.outcome IS NULL"
            + "     AND mo.due_on <= ?)))";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final CurrentProfessional currentProfessional;
    private final DutchTime time;
    private final ObjectProvider<JavaMailSender> mail;
    private final String baseUrl;
    private final String from;

    Herinneringen(
            JdbcClient jdbc,
            DataSource dataSource,
            CurrentProfessional currentProfessional,
            DutchTime time,
            ObjectProvider<JavaMailSender> mail,
            @Value("${adreszicht.reminders.base-url:http://localhost:8080}") String baseUrl,
            @Value("${adreszicht.reminders.from:adreszicht@localhost}") String from) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.currentProfessional = currentProfessional;
        this.time = time;
        this.mail = mail;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.from = from;
    }

    /** A professional's choice: reminders by e-mail or not, and the address. */
    record Instelling(boolean aan, @Nullable String email) {}

    /** The caller's choice; off until they opt in. */
    Instelling setting() {
        Professional professional = vt();
        return jdbc.sql("SELECT reminders, reminder_email FROM vt_professional WHERE subject = ?")
                .param(professional.subject())
                .query((row, n) -> new Instelling(row.getBoolean(1), row.getString(2)))
                .optional()
                .orElse(new Instelling(false, null));
    }

    /**
     * Records the caller's choice (and the caller as a professional of their region, as the worklist does).
     *
     * @throws InvalidValueException on {@code email} when reminders are on without a valid address
     */
    void choose(boolean on, @Nullable String email) {
        Professional professional = vt();
        String address = email == null || email.isBlank() ? null : email.strip();
        if (address != null
                && (address.length() > 254 || !EMAIL.matcher(address).matches())) {
            throw new InvalidValueException("email", "validation.email.format");
        }
        if (on && address == null) {
            throw new InvalidValueException("email", "validation.email.nodig");
        }
        jdbc.sql("INSERT INTO vt_professional (subject, display_name, vt_region, organisation, seen_at, reminders,"
                        + " reminder_email) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (subject) DO UPDATE SET"
                        + " reminders = EXCLUDED.reminders, reminder_email = EXCLUDED.reminder_email")
                .params(
                        professional.subject(),
                        professional.displayName(),
                        professional.vtRegion().orElseThrow(),
                        professional.organisation().orElse(null),
                        java.time.OffsetDateTime.ofInstant(time.now(), java.time.ZoneOffset.UTC),
                        on,
                        address)
                .update();
    }

    private Professional vt() {
        Professional professional = currentProfessional.require();
        if (professional.vtRegion().isEmpty()) {
            throw new AccessDeniedException("Uw account hoort bij geen Veilig Thuis-regio.");
        }
        return professional;
    }

    /** The text of every reminder: a link to the own worklist, nothing else. */
    String text() {
        return "Goedemorgen,\n\nIn uw werkvoorraad in Adreszicht staan termijnen die binnen twee werkdagen verlopen of"
                + " al verlopen zijn.\n\nBekijk ze na het inloggen: " + baseUrl + "/werkvoorraad?categorie=mijn-zaken"
                + "\n\nDit bericht bevat bewust geen gegevens over meldingen of personen. U ontvangt het omdat u"
                + " herinneringen per e-mail heeft aangezet; uitzetten kan in Adreszicht onder"
                + " " + baseUrl + "/instellingen/herinneringen.\n";
    }

    @Scheduled(cron = "${adreszicht.reminders.cron:0 0 7 * * MON-FRI}", zone = DutchTime.ZONE_ID)
    void daily() {
        int sent = send(time.today());
        if (sent > 0) {
            log.info("Reminders: sent {} e-mails", sent);
        }
    }

    /** Sends the reminders due today; returns how many, or -1 when another instance is sending or mail is off. */
    int send(LocalDate today) {
        Optional<JavaMailSender> sender = Optional.ofNullable(mail.getIfAvailable());
        if (sender.isEmpty()) {
            return -1;
        }
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(true);
            if (!advisory(lock, "SELECT pg_try_advisory_lock(?)")) {
                return -1;
            }
            try {
                return sendLocked(sender.get(), today);
            } finally {
                advisory(lock, "SELECT pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reminders could not take their lock", e);
        }
    }

    private record Due(String subject, String email) {}

    private int sendLocked(JavaMailSender sender, LocalDate today) {
        LocalDate by = WorkingDays.plusWorkingDays(today, Werkvoorraad.DUE_WITHIN_WORKING_DAYS);
        List<Due> due = jdbc.sql(DUE)
                .params(today, by, by, by, by)
                .query((row, n) -> new Due(row.getString(1), row.getString(2)))
                .list();
        int sent = 0;
        for (Due professional : due) {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(professional.email());
            message.setSubject(SUBJECT);
            message.setText(text());
            try {
                sender.send(message);
            } catch (MailException e) {
                // Not marked as reminded: the next run tries again. The address is personal data: not logged.
                log.warn(
                        "Reminders: an e-mail could not be sent ({})",
                        e.getClass().getSimpleName());
                continue;
            }
            jdbc.sql("UPDATE vt_professional SET reminded_on = ? WHERE subject = ?")
                    .params(today, professional.subject())
                    .update();
            sent++;
        }
        return sent;
    }

    private static boolean advisory(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
