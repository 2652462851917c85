package nl.adreszicht.registers;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The published shape of an LV BAG 2.0 extract: a zip (e.g. {@code lvbag-extract-nl.zip}) holding a
 * {@code Leveringsdocument-BAG-Extract.xml}, a {@code GEM-WPL-RELATIE-ddmmjjjj.zip} and per object type a zip
 * {@code 9999NUM08112021.zip} of numbered XML files ({@code 9999NUM08112021-000001.xml}, ...); the mutations likewise,
 * with {@code 9999MUT08112021-09112021.zip}. The inner zips are read as streams inside the outer one, never unpacked to
 * disk. Zips of inactive, in-onderzoek and niet-BAG objects and of panden are passed over: the register needs none of
 * them. A single XML file of an extract may be given instead of the zip.
 */
final class BagExtractFile {

    private static final Pattern OBJECT_ZIP =
            Pattern.compile("(?:.*/)?([0-9]{4})(NUM|VBO|LIG|STA|OPR|WPL)([0-9]{8})\\.zip", Pattern.CASE_INSENSITIVE);
    private static final Pattern MUTATION_ZIP =
            Pattern.compile("(?:.*/)?([0-9]{4})MUT([0-9]{8})-([0-9]{8})\\.zip", Pattern.CASE_INSENSITIVE);
    private static final Pattern GWR_ZIP =
            Pattern.compile("(?:.*/)?GEM-WPL-RELATIE-[0-9]{8}\\.zip", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML = Pattern.compile(".*\\.xml", Pattern.CASE_INSENSITIVE);
    private static final Pattern PASSED_OVER = Pattern.compile(
            "(?:.*/)?[0-9]{4}(?:PND[0-9]{8}|Inactief[0-9]{8}|InOnderzoek[0-9]{8}|NietBag[0-9]{8})\\.zip",
            Pattern.CASE_INSENSITIVE);

    /** Order of loading: the relations and names before the objects that point at them. */
    private static final List<String> ORDER = List.of("GWR", "WPL", "OPR", "NUM", "VBO", "LIG", "STA", "MUT", "XML");

    /** A zip of the extract with the kind of objects it holds. */
    record Group(String entry, String kind, long compressedSize) {}

    /** Reads one XML file of a group; {@code part} names it for the record of loaded parts. */
    interface PartReader {
        void read(String part, InputStream xml) throws IOException;
    }

    private final Path path;
    private final List<Group> groups;
    private final List<String> passedOver = new ArrayList<>();
    private final boolean mutations;

    private BagExtractFile(Path path, List<Group> groups, boolean mutations) {
        this.path = path;
        this.groups = groups;
        this.mutations = mutations;
    }

    /** Opens and checks the outer file; a truncated or broken zip is refused here, before anything is loaded. */
    static BagExtractFile open(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new BagXml.FormatException("Het bestand " + path + " bestaat niet of is geen bestand.");
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (XML.matcher(name).matches()) {
            return new BagExtractFile(path, List.of(new Group("", "XML", Files.size(path))), false);
        }
        List<Group> groups = new ArrayList<>();
        BagExtractFile file;
        try (ZipFile zip = new ZipFile(path.toFile())) {
            boolean mutations = false;
            List<String> passed = new ArrayList<>();
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String entryName = entry.getName();
                Matcher object = OBJECT_ZIP.matcher(entryName);
                if (object.matches()) {
                    groups.add(
                            new Group(entryName, object.group(2).toUpperCase(Locale.ROOT), entry.getCompressedSize()));
                } else if (MUTATION_ZIP.matcher(entryName).matches()) {
                    groups.add(new Group(entryName, "MUT", entry.getCompressedSize()));
                    mutations = true;
                } else if (GWR_ZIP.matcher(entryName).matches()) {
                    groups.add(new Group(entryName, "GWR", entry.getCompressedSize()));
                } else if (PASSED_OVER.matcher(entryName).matches()) {
                    passed.add(entryName);
                }
            }
            if (groups.isEmpty()) {
                throw new BagXml.FormatException(path.getFileName() + " bevat geen BAG 2.0-extract: geen zip per"
                        + " objecttype (bijvoorbeeld 9999NUM08112021.zip) en geen mutatiezip (9999MUT…-….zip).");
            }
            groups.sort(Comparator.comparingInt((Group g) -> ORDER.indexOf(g.kind()))
                    .thenComparing(Group::entry));
            file = new BagExtractFile(path, List.copyOf(groups), mutations);
            file.passedOver.addAll(passed);
        } catch (ZipException broken) {
            throw new BagXml.FormatException(path.getFileName() + " is geen leesbaar zipbestand (afgebroken of"
                    + " beschadigd: " + broken.getMessage() + "). Er is niets geladen; download het bestand opnieuw.");
        }
        return file;
    }

    boolean mutations() {
        return mutations;
    }

    List<Group> groups() {
        return groups;
    }

    List<String> passedOver() {
        return passedOver;
    }

    long size() {
        return groups.stream().mapToLong(Group::compressedSize).sum();
    }

    /**
     * Streams every XML file of {@code group} to {@code reader}; {@code consumed} learns how many bytes of the outer
     * file have been read, for the progress line.
     */
    void read(Group group, java.util.function.LongConsumer consumed, PartReader reader) throws IOException {
        if (group.kind().equals("XML")) {
            try (InputStream in = counting(new BufferedInputStream(Files.newInputStream(path), 1 << 16), consumed)) {
                reader.read(path.getFileName().toString(), in);
            }
            return;
        }
        try (ZipFile outer = new ZipFile(path.toFile());
                InputStream raw = counting(outer.getInputStream(outer.getEntry(group.entry())), consumed);
                ZipInputStream inner = new ZipInputStream(new BufferedInputStream(raw, 1 << 16))) {
            boolean any = false;
            for (ZipEntry entry = inner.getNextEntry(); entry != null; entry = inner.getNextEntry()) {
                if (entry.isDirectory() || !XML.matcher(entry.getName()).matches()) {
                    continue;
                }
                any = true;
                String part = group.entry().isEmpty() ? entry.getName() : group.entry() + "/" + entry.getName();
                reader.read(part, new NotClosing(inner));
            }
            if (!any) {
                throw new BagXml.FormatException(group.entry() + " bevat geen XML-bestanden.");
            }
        } catch (java.io.EOFException | ZipException broken) {
            throw new BagXml.FormatException(
                    group.entry() + " in " + path.getFileName() + " breekt af of is beschadigd (" + broken.getMessage()
                            + "). Wat al geladen was blijft staan; een nieuwe import hervat.");
        }
    }

    private static InputStream counting(InputStream in, java.util.function.LongConsumer consumed) {
        return new FilterInputStream(in) {
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    consumed.accept(++count);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    count += n;
                    consumed.accept(count);
                }
                return n;
            }
        };
    }

    /** The parser closes what it reads; the zip stream must stay open for the next entry. */
    private static final class NotClosing extends FilterInputStream {
        NotClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {}
    }
}
