package nl.adreszicht.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import nl.adreszicht.time.DutchTime;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the chain and reports every entry that was edited, deleted, inserted or moved. Each link is
 * checked against its own stored predecessor, so one break is reported once rather than cascading. It streams
 * entries and seals in id order and looks up digests only for entries that fail, so its memory does not grow
 * with the log. Then it pages through every stored record ({@link OwnedObjects}) and reports each one without the
 * entry of its creation: a record and its entry commit together (ADR 0013), so one without is a fault to look into.
 */
@Component
class ChainVerifier {

    private final JdbcTemplate jdbc;

    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    /** 1 when the last verification on this instance found the chain intact, 0 when not, NaN before the first. */
    private final AtomicReference<Double> lastResult = new AtomicReference<>(Double.NaN);

    private final AtomicReference<Double> lastVerifiedAt = new AtomicReference<>(Double.NaN);

    private final DutchTime time;
    private final ObjectProvider<OwnedObjects> owners;

    /** Records checked per statement for the entry of their creation. */
    static final int RECORD_PAGE = 1_000;

    ChainVerifier(
            JdbcTemplate jdbc,
            DataSource dataSource,
            PlatformTransactionManager transactions,
            MeterRegistry metrics,
            DutchTime time,
            ObjectProvider<OwnedObjects> owners) {
        this.jdbc = jdbc;
        this.time = time;
        this.owners = owners;
        Gauge.builder("adreszicht.access.log.chain.intact", lastResult, AtomicReference::get)
                .description("Last chain verification on this instance: 1 intact, 0 findings")
                .register(metrics);
        Gauge.builder("adreszicht.access.log.chain.verified.at", lastVerifiedAt, AtomicReference::get)
                .description("When the chain was last verified on this instance (epoch seconds)")
                .baseUnit("seconds")
                .register(metrics);
        // PostgreSQL streams a result through a cursor only with a fetch size, inside a transaction.
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1_000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    VerificationReport verify() {
        List<Altered> altered = new ArrayList<>();
        VerificationReport report = readOnly.execute(status -> walk(altered));
        // Only now, with the cursor closed: content sealed under another id was moved; anything else was edited.
        List<VerificationReport.Finding> findings = new ArrayList<>(report.findings());
        for (Altered entry : altered) {
            boolean moved = !jdbc.queryForList(
                            "SELECT entry_id FROM access_log_seal WHERE entry_digest = ? AND entry_id <> ?",
                            Long.class,
                            entry.digest(),
                            entry.id())
                    .isEmpty();
            findings.add(new VerificationReport.Finding(
                    entry.id(), moved ? VerificationReport.Kind.VERPLAATST : VerificationReport.Kind.GEWIJZIGD));
        }
        findings.sort(java.util.Comparator.comparing(VerificationReport.Finding::entryId));
        findings.addAll(unlogged());
        VerificationReport result = new VerificationReport(report.checked(), report.pending(), findings);
        lastResult.set(result.intact() ? 1.0 : 0.0);
        lastVerifiedAt.set(time.now().toEpochMilli() / 1000.0);
        return result;
    }

    /**
     * Every stored record without the entry of its creation, type by type, a page of ids per statement (index
     * access_log_object).
     */
    private List<VerificationReport.Finding> unlogged() {
        List<VerificationReport.Finding> findings = new ArrayList<>();
        owners.orderedStream().forEach(owner -> {
            String after = null;
            List<String> page;
            do {
                page = owner.idsAfter(after, RECORD_PAGE);
                if (page.isEmpty()) {
                    break;
                }
                String[] ids = page.toArray(String[]::new);
                jdbc.queryForList(
                                "SELECT r.object_id FROM unnest(?::text[]) AS r (object_id) WHERE NOT EXISTS (SELECT 1"
                                        + " FROM access_log e WHERE e.object_type = ? AND e.object_id = r.object_id"
                                        + " AND e.kind = 'AANMAKEN') ORDER BY r.object_id",
                                String.class,
                                ids,
                                owner.objectType())
                        .forEach(id -> findings.add(VerificationReport.Finding.unlogged(owner.objectType(), id)));
                after = page.get(page.size() - 1);
            } while (page.size() == RECORD_PAGE);
        });
        return findings;
    }

    /** An entry whose content no longer matches its seal, with the digest of what it holds now. */
    private record Altered(long id, String digest) {}

    private VerificationReport walk(List<Altered> altered) {
        Long lastSealed = jdbc.queryForObject("SELECT max(entry_id) FROM access_log_seal", Long.class);
        long lastSealedId = lastSealed == null ? 0 : lastSealed;

        List<VerificationReport.Finding> findings = new ArrayList<>();
        long[] counts = new long[2]; // checked, pending
        Object[] previous = {0L, ChainHash.GENESIS}; // id and chain hash of the previous seal
        streaming.query(
                "SELECT e." + ChainHash.ENTRY_COLUMNS.replace(", ", ", e.")
                        + ", e.id IS NOT NULL AS has_entry, s.entry_id AS seal_id, s.previous_entry_id,"
                        + " s.entry_digest, s.chain_hash"
                        + " FROM access_log e FULL OUTER JOIN access_log_seal s ON s.entry_id = e.id"
                        + " ORDER BY coalesce(e.id, s.entry_id)",
                row -> {
                    boolean hasEntry = row.getBoolean("has_entry");
                    long sealId = row.getLong("seal_id");
                    boolean hasSeal = !row.wasNull();
                    if (!hasSeal) {
                        long id = row.getLong("id");
                        if (id < lastSealedId) {
                            findings.add(new VerificationReport.Finding(id, VerificationReport.Kind.INGEVOEGD));
                        } else {
                            counts[1]++;
                        }
                        return;
                    }
                    counts[0]++;
                    long previousId = (long) previous[0];
                    long linkedPrevious = row.getLong("previous_entry_id");
                    if (row.wasNull()) {
                        linkedPrevious = 0;
                    }
                    if (linkedPrevious != previousId) {
                        // The seal names a predecessor that is no longer there: entries were removed in between.
                        findings.add(
                                new VerificationReport.Finding(linkedPrevious, VerificationReport.Kind.VERWIJDERD));
                    }
                    String storedDigest = row.getString("entry_digest");
                    String chainHash = row.getString("chain_hash");
                    if (!hasEntry) {
                        findings.add(new VerificationReport.Finding(sealId, VerificationReport.Kind.VERWIJDERD));
                    } else {
                        String digest = ChainHash.entryDigest(row);
                        if (!digest.equals(storedDigest)) {
                            altered.add(new Altered(sealId, digest));
                        } else {
                            String base = previousLinkHash(linkedPrevious, previousId, (String) previous[1]);
                            // Without its predecessor a link cannot be checked; the removal is reported above.
                            if (base != null
                                    && !ChainHash.link(base, sealId, storedDigest)
                                            .equals(chainHash)) {
                                findings.add(new VerificationReport.Finding(sealId, VerificationReport.Kind.GEWIJZIGD));
                            }
                        }
                    }
                    previous[0] = sealId;
                    previous[1] = chainHash;
                });
        return new VerificationReport(counts[0], counts[1], findings);
    }

    /** The hash this link was built on: its stored predecessor's, the genesis for the first link, or null. */
    private @Nullable String previousLinkHash(long linkedPrevious, long previousId, String previousHash) {
        if (linkedPrevious == previousId) {
            return linkedPrevious == 0 ? ChainHash.GENESIS : previousHash;
        }
        List<String> stored = jdbc.queryForList(
                "SELECT chain_hash FROM access_log_seal WHERE entry_id = ?", String.class, linkedPrevious);
        return stored.isEmpty() ? null : stored.get(0);
    }
}
