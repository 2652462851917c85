package nl.adreszicht.synthetic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import nl.adreszicht.audit.AccessKind;
import nl.adreszicht.audit.SealedHistoryLoader;
import nl.adreszicht.time.DutchTime;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Generates and loads synthetic data (docs/synthetic-data.md). The same size, seed and day give the same rows:
 * one {@link SplittableRandom} drives every choice in a fixed order. Rows go in with COPY on a connection of the
 * schema owner (the Liquibase data source), with foreign-key triggers off for the load (every reference is made
 * by the generator itself) and, for {@code land}, the secondary indexes dropped and rebuilt afterwards. Colours,
 * the area tally and the retention schedule are then computed in SQL over the loaded rows, and the tables are
 * analysed.
 */
@Component
class SyntheticData {

    private static final String[] LOADED_TABLES = {
        "address",
        "incident",
        "incident_person",
        "incident_violence_type",
        "vt_melding",
        "vt_melding_person",
        "vt_melding_violence_type",
        "municipal_record",
        "municipal_record_violence_type",
        "address_colour",
        "address_colour_history",
        "record_tally",
        "retention_schedule",
        "access_log",
        "access_log_seal"
    };

    /** Violence types with their weight: partner violence and children witnessing it dominate. */
    private static final String[] VIOLENCE = {
        "partnergeweld",
        "partnergeweld",
        "partnergeweld",
        "partnergeweld",
        "ex-partnergeweld",
        "ex-partnergeweld",
        "kindermishandeling-getuige",
        "kindermishandeling-getuige",
        "kindermishandeling-lichamelijk",
        "kindermishandeling-psychisch",
        "kindermishandeling-verwaarlozing",
        "geweld-tegen-ouders",
        "ouderenmishandeling",
        "overig-familiegeweld",
        "stalking-belaging"
    };

    private static final String[] MELDING_SECTORS = {"politie", "politie", "onderwijs", "zorg", "burger"};
    private static final String[] ADVIES_SECTORS = {"burger", "burger", "onderwijs", "zorg", "kinderopvang"};

    private final DataSource owner;

    SyntheticData(@LiquibaseDataSource ObjectProvider<DataSource> liquibase, DataSource primary) {
        this.owner = liquibase.getIfAvailable(() -> primary);
    }

    /** What was loaded, and how long it took. */
    record Report(
            long addresses,
            long incidents,
            long meldingen,
            long municipalRecords,
            long accessLogEntries,
            Map<String, Long> colours,
            Duration took) {}

    /** One gemeente: its code, VT region, and the range of address numbers in it. */
    private record Gemeente(String code, String region, int first, int count, int wijken, int perWijk, int perBuurt) {}

    Report generate(SyntheticSize size, long seed, int accessLogFactor, LocalDate today, Consumer<String> progress)
            throws SQLException, IOException {
        long started = System.nanoTime();
        try (Connection connection = owner.getConnection()) {
            try {
                return generate(connection, size, seed, accessLogFactor, today, progress, started);
            } finally {
                // A pooled connection must not keep the load's settings (foreign-key triggers off above all).
                try (Statement statement = connection.createStatement()) {
                    statement.execute("RESET ALL");
                }
            }
        }
    }

    private Report generate(
            Connection connection,
            SyntheticSize size,
            long seed,
            int accessLogFactor,
            LocalDate today,
            Consumer<String> progress,
            long started)
            throws SQLException, IOException {
        {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                try (ResultSet rows = statement.executeQuery("SELECT exists (SELECT 1 FROM address WHERE synthetic)")) {
                    rows.next();
                    if (rows.getBoolean(1)) {
                        throw new IllegalStateException(
                                "This database already holds synthetic addresses; generate into a fresh one");
                    }
                }
                statement.execute("SET synchronous_commit = off");
                statement.execute("SET maintenance_work_mem = '512MB'");
                // Every reference is made by the generator: no foreign-key checks row by row during the load.
                statement.execute("SET session_replication_role = replica");
            }
            Map<String, String> dropped = size.national ? dropSecondaryIndexes(connection, progress) : Map.of();
            Load load = new Load(
                    connection,
                    owner,
                    size,
                    seed,
                    today.atTime(12, 0).atZone(DutchTime.ZONE).toInstant(),
                    progress);
            load.addresses();
            load.records();
            load.accessLog(accessLogFactor);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET session_replication_role = origin");
                for (Map.Entry<String, String> index : dropped.entrySet()) {
                    progress.accept("index " + index.getKey());
                    statement.execute(index.getValue());
                }
                progress.accept("colours, area tally and retention schedule");
                for (String sql : DerivedSql.all(today, load.now)) {
                    statement.execute(sql);
                }
                progress.accept("analyse");
                statement.execute("ANALYZE");
            }
            Map<String, Long> colours = new LinkedHashMap<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT c.colour, count(*) FROM address_colour c JOIN address a ON a.id = c.address_id"
                                    + " WHERE a.synthetic GROUP BY 1 ORDER BY 1")) {
                while (rows.next()) {
                    colours.put(rows.getString(1), rows.getLong(2));
                }
            }
            return new Report(
                    size.addresses,
                    load.incidents,
                    load.meldingen,
                    load.municipal,
                    load.logged,
                    colours,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static Map<String, String> dropSecondaryIndexes(Connection connection, Consumer<String> progress)
            throws SQLException {
        Map<String, String> dropped = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT i.indexname, i.indexdef FROM pg_indexes i"
                    + " WHERE i.schemaname = current_schema() AND i.tablename IN ('" + String.join("','", LOADED_TABLES)
                    + "') AND NOT EXISTS (SELECT 1 FROM pg_constraint c"
                    + " WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)"
                    + " ORDER BY i.indexname")) {
                while (rows.next()) {
                    dropped.put(rows.getString(1), rows.getString(2));
                }
            }
            for (String index : dropped.keySet()) {
                statement.execute("DROP INDEX " + index);
            }
        }
        progress.accept("dropped " + dropped.size() + " secondary indexes for the load");
        return dropped;
    }

    /** One run of the generator: the random source, the buffers per table and the counts. */
    private static final class Load {

        private final Connection connection;
        private final DataSource owner;
        private final CopyManager copy;
        private final SyntheticSize size;
        private final SplittableRandom random;
        private final long seed;
        private final Instant now;
        private final Consumer<String> progress;
        private final List<Gemeente> gemeenten = new ArrayList<>();
        private int[] gemeenteStarts = new int[0];
        private final Map<String, Table> tables = new LinkedHashMap<>();
        private int[] recordAddresses = new int[0];
        private int recordAddressCount;
        long incidents;
        long meldingen;
        long municipal;
        long logged;

        Load(
                Connection connection,
                DataSource owner,
                SyntheticSize size,
                long seed,
                Instant now,
                Consumer<String> progress)
                throws SQLException {
            this.connection = connection;
            this.owner = owner;
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
            this.size = size;
            this.seed = seed;
            this.random = new SplittableRandom(seed);
            this.now = now;
            this.progress = progress;
        }

        // ---------------------------------------------------------------- addresses

        void addresses() throws IOException, SQLException {
            List<String[]> known = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                    new ClassPathResource("db/changelog/codelists/vt-regions-v1.csv").getInputStream(),
                    StandardCharsets.UTF_8))) {
                reader.readLine();
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank()) {
                        known.add(line.trim().split(","));
                    }
                }
            }
            List<String[]> all = new ArrayList<>(known);
            if (size.national) {
                // The rest of the country: made-up codes GM9001 and on, spread over the other 24 regions.
                List<String> regions = new ArrayList<>();
                for (int r = 1; r <= 26; r++) {
                    if (r != 3 && r != 4) {
                        regions.add(String.format("VT%02d", r));
                    }
                }
                for (int g = 1; all.size() < 342; g++) {
                    all.add(new String[] {String.format("GM%04d", 9000 + g), regions.get(g % regions.size())});
                }
            }
            // Gemeente sizes are log-normal (a few cities, many small gemeenten), scaled to the total.
            double[] weights = new double[all.size()];
            double sum = 0;
            for (int g = 0; g < weights.length; g++) {
                weights[g] = Math.exp(0.9 * gaussian());
                sum += weights[g];
            }
            int[] counts = new int[all.size()];
            int assigned = 0;
            int largest = 0;
            for (int g = 0; g < counts.length; g++) {
                counts[g] = Math.max(1, (int) (size.addresses * weights[g] / sum));
                assigned += counts[g];
                largest = counts[g] > counts[largest] ? g : largest;
            }
            counts[largest] += size.addresses - assigned; // the rounding goes to the largest gemeente
            int first = 0;
            gemeenteStarts = new int[all.size()];
            for (int g = 0; g < all.size(); g++) {
                int count = counts[g];
                int wijken = Math.max(1, Math.min(99, Math.round(count / 3000f)));
                int perWijk = (count + wijken - 1) / wijken;
                int buurten = Math.max(1, Math.min(99, Math.round(perWijk / 700f)));
                int perBuurt = (perWijk + buurten - 1) / buurten;
                gemeenten.add(new Gemeente(all.get(g)[0], all.get(g)[1], first, count, wijken, perWijk, perBuurt));
                gemeenteStarts[g] = first;
                first += count;
            }
            Table address = table(
                    "address",
                    "id, nummeraanduiding_id, postcode, huisnummer, straat, woonplaats, gemeente_code, wijk_code,"
                            + " buurt_code, area_year, synthetic");
            StringBuilder row = new StringBuilder(200);
            for (Gemeente g : gemeenten) {
                String digits = g.code().substring(2);
                for (int o = 0; o < g.count(); o++) {
                    int i = g.first() + o;
                    int wijk = o / g.perWijk();
                    int buurt = (o % g.perWijk()) / g.perBuurt();
                    row.setLength(0);
                    row.append(addressId(i)).append('\t').append(digits).append("20");
                    pad(row, o + 1, 10);
                    row.append('\t').append(postcode(i / 16)).append('\t').append(i % 16 + 1);
                    row.append("\tProefstraat ").append(o / 200 + 1);
                    row.append("\tProefplaats ").append(digits);
                    row.append('\t').append(g.code());
                    row.append("\tWK").append(digits);
                    pad(row, wijk, 2);
                    row.append("\tBU").append(digits);
                    pad(row, wijk, 2);
                    pad(row, buurt, 2);
                    row.append("\t2025\tt\n");
                    address.add(row);
                }
            }
            address.flush();
            progress.accept(String.format("addresses: %,d in %d gemeenten", size.addresses, gemeenten.size()));
        }

        /** A random-looking but reproducible id per address number, so no id needs to be kept in memory. */
        UUID addressId(int i) {
            long hi = mix(seed ^ (0x9E3779B97F4A7C15L * (i + 1)));
            long lo = mix(hi ^ i);
            return new UUID((hi & ~0xF000L) | 0x4000L, (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
        }

        /** Postcodes with letters Q, X or Y first (QA…YZ): 9000 × 78 of them, none a reserved SA, SD or SS. */
        static String postcode(int p) {
            int letters = p % 78;
            return (1000 + p / 78) + "" + "QXY".charAt(letters / 26) + (char) ('A' + letters % 26);
        }

        Gemeente gemeenteOf(int address) {
            int at = Arrays.binarySearch(gemeenteStarts, address);
            return gemeenten.get(at >= 0 ? at : -at - 2);
        }

        // ---------------------------------------------------------------- records

        /**
         * Records come per household: an address with a number of records (geometric: 55% one, 25% two, …),
         * clustered in time and escalating in severity, and the same betrokkenen throughout.
         */
        void records() throws IOException, SQLException {
            Table incident = table(
                    "incident",
                    "id, organisation, registration_number, occurred_at, occurred_zone, address_id, severity,"
                            + " children_present, injury, weapon, alcohol_drugs, aangifte, huisverbod_imposed,"
                            + " huisverbod_broken, zorgmelding, summary, content_hash, registered_by, registered_at");
            Table incidentPerson =
                    table("incident_person", "id, incident_id, position, role, relation, name, birth_date");
            Table incidentViolence = table("incident_violence_type", "incident_id, code");
            Table melding = table(
                    "vt_melding",
                    "id, kind, registration_number, vt_region, gemeente_code, address_id, received_at, received_on,"
                            + " melder_sector, reason, acute, severity, children_involved, vervolgmelding,"
                            + " assessment_due, assessed_at, acute_onveiligheid, structurele_onveiligheid,"
                            + " assessment_code, investigation_started_on, investigation_due, investigation_closed_at,"
                            + " investigation_closed_early, ended_at, end_code, registered_by, registered_at,"
                            + " organisation");
            Table meldingPerson = table("vt_melding_person", "melding_id, position, role, relation, name, birth_date");
            Table meldingViolence = table("vt_melding_violence_type", "melding_id, code, outcome");
            Table record = table(
                    "municipal_record",
                    "id, organisation, gemeente_code, registration_number, kind, address_id, occurred_on, severity,"
                            + " children_present, huisverbod_ends_on, huisverbod_broken, huisverbod_broken_on,"
                            + " summary, content_hash, registered_by, registered_at");
            Table recordViolence = table("municipal_record_violence_type", "record_id, code");

            recordAddresses = new int[size.records];
            StringBuilder row = new StringBuilder(600);
            int made = 0;
            int household = 0;
            int span = 15 * 365;
            while (made < size.records) {
                household++;
                int records = 1;
                while (records < 30 && random.nextDouble() < 0.45) {
                    records++;
                }
                records = Math.min(records, size.records - made);
                int address = random.nextInt(size.addresses);
                recordAddresses[recordAddressCount++] = address;
                Gemeente gemeente = gemeenteOf(address);
                UUID addressId = addressId(address);
                boolean children = random.nextDouble() < 0.55;
                int kids = children ? 1 + random.nextInt(3) : 0;
                LocalDate adultBorn =
                        LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
                LocalDate[] kidBorn = new LocalDate[kids];
                for (int k = 0; k < kids; k++) {
                    kidBorn[k] = DutchTime.dayOf(now).minusDays(365 + random.nextInt(16 * 365));
                }
                String victim = "Proefpersoon " + household + "-A";
                String perpetrator = "Proefpersoon " + household + "-B";
                String relation = random.nextDouble() < 0.8 ? "partner" : "ex-partner";
                int daysAgo = random.nextInt(span);
                boolean vtBefore = false;
                for (int r = 0; r < records; r++) {
                    if (r > 0) {
                        daysAgo = Math.max(0, daysAgo - 7 - random.nextInt(150));
                    }
                    Instant at = now.minus(daysAgo, ChronoUnit.DAYS).minusSeconds(random.nextInt(86_400));
                    double escalation = Math.min(0.25, 0.05 * r);
                    double s = random.nextDouble();
                    String severity = s < 0.12 + escalation ? "S3" : s < 0.50 + escalation ? "S2" : "S1";
                    boolean withKids = children && random.nextDouble() < 0.8;
                    boolean recent = daysAgo < 5 * 365;
                    double pick = random.nextDouble();
                    String source = recent
                            ? pick < 0.24
                                    ? "incident"
                                    : pick < 0.50
                                            ? "melding"
                                            : pick < 0.79 ? "advies" : pick < 0.98 ? "signaal" : "huisverbod"
                            : pick < 0.35 ? "melding" : pick < 0.74 ? "advies" : "signaal";
                    String violence1 = VIOLENCE[random.nextInt(VIOLENCE.length)];
                    String violence2 = withKids ? "kindermishandeling-getuige" : null;
                    if (violence1.equals(violence2)) {
                        violence2 = null;
                    }
                    UUID id = uuid();
                    switch (source) {
                        case "incident" -> {
                            incidents++;
                            boolean imposed = !"S1".equals(severity) && random.nextDouble() < 0.06;
                            row.setLength(0);
                            row.append(id)
                                    .append('\t')
                                    .append(police(gemeente))
                                    .append("\tSYN-PL-")
                                    .append(incidents);
                            row.append('\t')
                                    .append(at)
                                    .append('\t')
                                    .append(DutchTime.ZONE_ID)
                                    .append('\t')
                                    .append(addressId);
                            row.append('\t').append(severity).append('\t').append(bool(withKids));
                            row.append('\t').append(bool("S3".equals(severity) && random.nextDouble() < 0.5));
                            row.append('\t').append(bool("S3".equals(severity) && random.nextDouble() < 0.2));
                            row.append('\t').append(bool(random.nextDouble() < 0.3));
                            row.append('\t').append(bool(random.nextDouble() < 0.4));
                            row.append('\t').append(bool(imposed));
                            row.append('\t').append(bool(imposed && random.nextDouble() < 0.15));
                            row.append("\tf\tSynthetisch incident (proefgegevens)\t")
                                    .append(hex64());
                            row.append("\tsynthetisch\t")
                                    .append(at.plusSeconds(7_200))
                                    .append('\n');
                            incident.add(row);
                            int position = 0;
                            position = person(
                                    incidentPerson,
                                    row,
                                    id,
                                    position,
                                    true,
                                    "slachtoffer",
                                    relation,
                                    victim,
                                    adultBorn);
                            position = person(
                                    incidentPerson,
                                    row,
                                    id,
                                    position,
                                    true,
                                    "pleger",
                                    relation,
                                    perpetrator,
                                    adultBorn.minusYears(2));
                            for (int k = 0; k < kids && withKids; k++) {
                                position = person(
                                        incidentPerson,
                                        row,
                                        id,
                                        position,
                                        true,
                                        "kind",
                                        "kind-ouder",
                                        "Proefpersoon " + household + "-K" + k,
                                        kidBorn[k]);
                            }
                            violence(incidentViolence, row, id, violence1, violence2, null);
                        }
                        case "melding", "advies" -> {
                            meldingen++;
                            boolean isMelding = source.equals("melding");
                            melding(
                                    melding, row, id, isMelding, gemeente, addressId, at, daysAgo, severity, withKids,
                                    vtBefore);
                            vtBefore = true;
                            int position = 0;
                            position = person(
                                    meldingPerson,
                                    row,
                                    id,
                                    position,
                                    false,
                                    "slachtoffer",
                                    relation,
                                    victim,
                                    adultBorn);
                            position = person(
                                    meldingPerson,
                                    row,
                                    id,
                                    position,
                                    false,
                                    "pleger",
                                    relation,
                                    perpetrator,
                                    adultBorn.minusYears(2));
                            for (int k = 0; k < kids && withKids; k++) {
                                position = person(
                                        meldingPerson,
                                        row,
                                        id,
                                        position,
                                        false,
                                        "kind",
                                        "kind-ouder",
                                        "Proefpersoon " + household + "-K" + k,
                                        kidBorn[k]);
                            }
                            violence(
                                    meldingViolence,
                                    row,
                                    id,
                                    violence1,
                                    violence2,
                                    isMelding && daysAgo >= 80 ? "bevestigd" : "\\N");
                        }
                        default -> {
                            municipal++;
                            boolean huisverbod = source.equals("huisverbod");
                            LocalDate on = DutchTime.dayOf(at);
                            boolean broken = huisverbod && random.nextDouble() < 0.15;
                            row.setLength(0);
                            row.append(id)
                                    .append("\tgemeente-")
                                    .append(gemeente.code().toLowerCase(java.util.Locale.ROOT));
                            row.append('\t')
                                    .append(gemeente.code())
                                    .append("\tSYN-GR-")
                                    .append(municipal);
                            row.append('\t')
                                    .append(huisverbod ? "huisverbod" : "signaal")
                                    .append('\t')
                                    .append(addressId);
                            row.append('\t').append(on);
                            if (huisverbod) {
                                row.append("\t\\N\t\\N\t")
                                        .append(on.plusDays(10))
                                        .append('\t')
                                        .append(bool(broken));
                                row.append('\t').append(broken ? on.plusDays(3).toString() : "\\N");
                            } else {
                                row.append('\t')
                                        .append(severity)
                                        .append('\t')
                                        .append(bool(withKids))
                                        .append("\t\\N\t\\N\t\\N");
                            }
                            row.append("\tSynthetische registratie (proefgegevens)\t")
                                    .append(hex64());
                            row.append("\tsynthetisch\t").append(at).append('\n');
                            record.add(row);
                            if (!huisverbod) {
                                violence(recordViolence, row, id, violence1, violence2, null);
                            }
                        }
                    }
                    made++;
                }
                if (household % 200_000 == 0) {
                    progress.accept(String.format("records: %,d", made));
                }
            }
            for (Table table : tables.values()) {
                table.flush();
            }
            progress.accept(String.format(
                    "records: %,d incidents, %,d meldingen and adviezen, %,d municipal records (%,d households)",
                    incidents, meldingen, municipal, household));
        }

        private void melding(
                Table table,
                StringBuilder row,
                UUID id,
                boolean isMelding,
                Gemeente gemeente,
                UUID addressId,
                Instant at,
                int daysAgo,
                String severity,
                boolean withKids,
                boolean vervolg) {
            LocalDate on = DutchTime.dayOf(at);
            boolean acute = "S3".equals(severity) && random.nextDouble() < 0.1;
            row.setLength(0);
            row.append(id).append('\t').append(isMelding ? "melding" : "advies");
            row.append("\tSYN-").append(gemeente.region()).append('-').append(meldingen);
            row.append('\t')
                    .append(gemeente.region())
                    .append('\t')
                    .append(gemeente.code())
                    .append('\t')
                    .append(addressId);
            row.append('\t').append(at).append('\t').append(on);
            String[] sectors = isMelding ? MELDING_SECTORS : ADVIES_SECTORS;
            row.append('\t').append(sectors[random.nextInt(sectors.length)]);
            row.append("\tSynthetische ")
                    .append(isMelding ? "melding" : "adviesvraag")
                    .append(" (proefgegevens)");
            row.append('\t')
                    .append(bool(acute))
                    .append('\t')
                    .append(severity)
                    .append('\t')
                    .append(bool(withKids));
            row.append('\t').append(bool(vervolg));
            String assessed = "\\N", acuteOnveiligheid = "\\N", structural = "\\N", code = "\\N";
            String started = "\\N", due = "\\N", closed = "\\N", closedEarly = "\\N", ended = "\\N", endCode = "\\N";
            if (isMelding) {
                row.append('\t').append(on.plusDays(acute ? 0 : 7));
                if (daysAgo >= 7) {
                    assessed = at.plus(acute ? 0 : 4, ChronoUnit.DAYS)
                            .plusSeconds(3_600)
                            .toString();
                    acuteOnveiligheid = bool(acute || ("S3".equals(severity) && withKids && random.nextDouble() < 0.3));
                    structural = bool(random.nextDouble() < 0.4);
                    double c = random.nextDouble();
                    code = c < 0.6 ? "VT-01-01" : c < 0.85 ? "VT-01-02" : "VT-01-03";
                    if (code.equals("VT-01-01") && daysAgo >= 10) {
                        started = on.plusDays(5).toString();
                        due = on.plusDays(75).toString();
                        if (daysAgo >= 80) {
                            closed = at.plus(75, ChronoUnit.DAYS).toString();
                            closedEarly = "f";
                        }
                        if (daysAgo >= 120) {
                            ended = at.plus(110, ChronoUnit.DAYS).toString();
                            endCode = random.nextDouble() < 0.6 ? "VT-02" : "VT-03";
                        }
                    } else if (!code.equals("VT-01-01") && daysAgo >= 14) {
                        ended = at.plus(10, ChronoUnit.DAYS).toString();
                        endCode = code;
                    }
                }
            } else {
                row.append("\t\\N");
                if (daysAgo >= 3) {
                    ended = at.plus(2, ChronoUnit.DAYS).toString();
                    endCode = "VT-03";
                }
            }
            for (String value : new String[] {
                assessed, acuteOnveiligheid, structural, code, started, due, closed, closedEarly, ended, endCode
            }) {
                row.append('\t').append(value);
            }
            row.append("\tsynthetisch\t")
                    .append(at)
                    .append('\t')
                    .append(veiligThuis(gemeente))
                    .append('\n');
            table.add(row);
        }

        private int person(
                Table table,
                StringBuilder row,
                UUID record,
                int position,
                boolean withId,
                String role,
                String relation,
                String name,
                LocalDate born) {
            row.setLength(0);
            if (withId) {
                row.append(uuid()).append('\t');
            }
            row.append(record)
                    .append('\t')
                    .append(position)
                    .append('\t')
                    .append(role)
                    .append('\t')
                    .append(relation);
            row.append('\t').append(name).append('\t').append(born).append('\n');
            table.add(row);
            return position + 1;
        }

        private static void violence(
                Table table, StringBuilder row, UUID record, String first, String second, String outcome) {
            for (String code : second == null ? new String[] {first} : new String[] {first, second}) {
                row.setLength(0);
                row.append(record).append('\t').append(code);
                if (outcome != null) {
                    row.append('\t').append(outcome);
                }
                row.append('\n');
                table.add(row);
            }
        }

        private static String police(Gemeente gemeente) {
            return switch (gemeente.region()) {
                case "VT03" -> "politie-noord-nederland";
                case "VT04" -> "politie-oost-nederland";
                default -> "politie-synthetisch-" + gemeente.region().toLowerCase(java.util.Locale.ROOT);
            };
        }

        private static String veiligThuis(Gemeente gemeente) {
            return switch (gemeente.region()) {
                case "VT03" -> "veilig-thuis-drenthe";
                case "VT04" -> "veilig-thuis-ijsselland";
                default -> "veilig-thuis-synthetisch-" + gemeente.region().toLowerCase(java.util.Locale.ROOT);
            };
        }

        // ---------------------------------------------------------------- access log

        /**
         * {@code factor} entries per record, spread evenly over the fifteen years up to an hour ago, loaded
         * already sealed: reads of address histories, registrations, worklists, a few refusals; and, merged in at the
         * moment each record was registered, the entry of its creation, as the application writes it in the
         * record's transaction (the verifier reports a record without one).
         */
        void accessLog(int factor) throws SQLException, IOException {
            for (Table table : tables.values()) {
                table.flush();
            }
            long count = (long) factor * size.records;
            if (count == 0) {
                return;
            }
            Instant from = now.minus(15 * 365, ChronoUnit.DAYS);
            long spanMicros = ChronoUnit.MICROS.between(from, now.minus(1, ChronoUnit.HOURS));
            long step = Math.max(2, spanMicros / count);
            String[] users = new String[2_000];
            for (int u = 0; u < users.length; u++) {
                users[u] = new UUID(mix(seed + u), mix(seed - u)).toString();
            }
            // The records in the order they were registered, read on a connection of their own (the load's is busy
            // with COPY), a batch at a time: they were committed as they were loaded.
            try (Connection reader = owner.getConnection();
                    SealedHistoryLoader loader = SealedHistoryLoader.start(connection)) {
                reader.setAutoCommit(false);
                Creations creations = new Creations(reader);
                for (long e = 0; e < count; e++) {
                    Instant at = from.plus(e * step + random.nextLong(step / 2), ChronoUnit.MICROS);
                    creations.before(at, loader);
                    int address = recordAddresses[random.nextInt(recordAddressCount)];
                    Gemeente gemeente = gemeenteOf(address);
                    String user = users[random.nextInt(users.length)];
                    String ip = "10.0." + random.nextInt(256) + "." + random.nextInt(256);
                    double kind = random.nextDouble();
                    if (kind < 0.60) {
                        loader.add(
                                at,
                                AccessKind.LEZEN,
                                "adres.historie.lezen",
                                user,
                                veiligThuis(gemeente),
                                "vt-medewerker",
                                "adres",
                                addressId(address).toString(),
                                "Veilig Thuis-taak",
                                "Wmo 2015 art. 4.1.1 en 5.2.6",
                                false,
                                ip,
                                "synthetisch");
                    } else if (kind < 0.75) {
                        loader.add(
                                at,
                                AccessKind.AANMAKEN,
                                "incidenten.registreren",
                                user,
                                police(gemeente),
                                "politie-medewerker",
                                "incident",
                                uuid().toString(),
                                "politietaak",
                                "Wet politiegegevens art. 8 en 13",
                                false,
                                ip,
                                "synthetisch");
                    } else if (kind < 0.90) {
                        loader.add(
                                at,
                                AccessKind.ZOEKEN,
                                "werkvoorraad.lezen",
                                user,
                                veiligThuis(gemeente),
                                "vt-medewerker",
                                "werkvoorraad",
                                null,
                                "Veilig Thuis-taak",
                                "Wmo 2015 art. 4.1.1 en 5.2.6",
                                false,
                                ip,
                                "synthetisch");
                    } else if (kind < 0.99) {
                        loader.add(
                                at,
                                AccessKind.LEZEN,
                                "incident.lezen",
                                user,
                                police(gemeente),
                                "politie-medewerker",
                                "incident",
                                uuid().toString(),
                                "politietaak",
                                "Wet politiegegevens art. 8 en 13",
                                false,
                                ip,
                                "synthetisch");
                    } else {
                        loader.add(
                                at,
                                AccessKind.GEWEIGERD,
                                "adres.historie.lezen",
                                user,
                                veiligThuis(gemeente),
                                "vt-medewerker",
                                "adres",
                                addressId(address).toString(),
                                "Veilig Thuis-taak",
                                "Wmo 2015 art. 4.1.1 en 5.2.6",
                                false,
                                ip,
                                "synthetisch");
                    }
                    if ((e + 1) % 5_000_000 == 0) {
                        progress.accept(String.format("access log: %,d", e + 1));
                    }
                }
                creations.before(Instant.MAX, loader);
                creations.close();
                reader.commit();
                logged = loader.loaded();
            }
            progress.accept(String.format("access log: %,d entries, sealed", logged));
        }

        /**
         * The entries of the records' creation, in the order of their registration, each added to the log just before
         * the first other entry logged after it.
         */
        private static final class Creations implements AutoCloseable {

            private final Statement statement;
            private final ResultSet rows;
            private boolean more;
            private Instant last = Instant.MIN;

            Creations(Connection reader) throws SQLException {
                statement = reader.createStatement();
                statement.setFetchSize(10_000);
                rows = statement.executeQuery("SELECT r.* FROM (SELECT 'incident', id::text, organisation,"
                        + " registered_by, registered_at, 'incidenten.registreren', 'politie-medewerker', 'politietaak',"
                        + " 'Wet politiegegevens art. 8 en 13', address_id FROM incident"
                        + " UNION ALL SELECT 'vt-melding', id::text, organisation, registered_by, registered_at,"
                        + " 'meldingen.registreren', 'vt-medewerker', 'Veilig Thuis-taak',"
                        + " 'Wmo 2015 art. 4.1.1 en 5.2.6', address_id FROM vt_melding"
                        + " UNION ALL SELECT 'gemeenteregistratie', id::text, organisation, registered_by, registered_at,"
                        + " 'gemeenteregistraties.registreren', 'gemeente-medewerker',"
                        + " 'gemeentelijke taak (lokaal team, huisverbod)', 'Wmo 2015; Wet tijdelijk huisverbod',"
                        + " address_id FROM municipal_record) AS r JOIN address a ON a.id = r.address_id"
                        + " WHERE a.synthetic ORDER BY 5, 2");
                more = rows.next();
            }

            /** Adds the creation of every record registered before {@code next}, each a microsecond apart at least. */
            void before(Instant next, SealedHistoryLoader loader) throws SQLException, IOException {
                while (more) {
                    Instant at =
                            rows.getObject(5, OffsetDateTime.class).toInstant().truncatedTo(ChronoUnit.MICROS);
                    if (!at.isBefore(next)) {
                        return;
                    }
                    at = at.isAfter(last) ? at : last.plus(1, ChronoUnit.MICROS);
                    loader.add(
                            at,
                            AccessKind.AANMAKEN,
                            rows.getString(6),
                            rows.getString(4),
                            rows.getString(3),
                            rows.getString(7),
                            rows.getString(1),
                            rows.getString(2),
                            rows.getString(8),
                            rows.getString(9),
                            false,
                            null,
                            "synthetisch");
                    last = at;
                    more = rows.next();
                }
            }

            @Override
            public void close() throws SQLException {
                rows.close();
                statement.close();
            }
        }

        // ---------------------------------------------------------------- helpers

        private Table table(String name, String columns) {
            return tables.computeIfAbsent(name, n -> new Table(copy, "COPY " + n + " (" + columns + ") FROM STDIN"));
        }

        private UUID uuid() {
            return new UUID(
                    (random.nextLong() & ~0xF000L) | 0x4000L,
                    (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
        }

        private String hex64() {
            return String.format(
                    "%016x%016x%016x%016x", random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
        }

        private double gaussian() {
            double u = 1 - random.nextDouble();
            double v = random.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }

        private static String bool(boolean value) {
            return value ? "t" : "f";
        }

        private static void pad(StringBuilder row, int value, int width) {
            String digits = Integer.toString(value);
            for (int i = digits.length(); i < width; i++) {
                row.append('0');
            }
            row.append(digits);
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }

    /** Rows of one table in COPY text format, sent in chunks of a few megabytes. */
    private static final class Table {

        private final CopyManager copy;
        private final String sql;
        private final StringBuilder buffer = new StringBuilder(1 << 23);

        Table(CopyManager copy, String sql) {
            this.copy = copy;
            this.sql = sql;
        }

        void add(CharSequence row) {
            buffer.append(row);
            if (buffer.length() > 7_500_000) {
                try {
                    flush();
                } catch (SQLException | IOException e) {
                    throw new IllegalStateException(sql, e);
                }
            }
        }

        void flush() throws SQLException, IOException {
            if (!buffer.isEmpty()) {
                copy.copyIn(sql, new StringReader(buffer.toString()));
                buffer.setLength(0);
            }
        }
    }
}
