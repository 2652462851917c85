import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Generates an LV BAG 2.0 extract in the published format at any size (docs/performance.md, "National registers"):
 * lvbag-extract-nl.zip with Leveringsdocument, GEM-WPL-RELATIE zip and per type a zip of numbered XML files of
 * 10,000 objects (sl-bag-extract/sl/Objecten/Historie namespaces v20200601, element order and nesting of the XSDs
 * BagvsExtractDeelbestandExtractLvc-2.1.0 and IMBAGLV_Objecten-2.1.0: one bagObject per sl:stand), with history
 * voorkomens (3%), nevenadressen (1%), ended objects (0.5%) and inactive voorkomens (0.2%); and a day of mutations
 * (BAGNLDM zip with 9999MUT…zip, mlm:bagMutaties: new addresses, new voorkomens, withdrawn verblijfsobjecten, each a
 * toevoeging or a wijziging with its was and wordt). Seeded, so two runs write the same bytes.
 *
 *   java bench/BagExtractGenerator.java <dir> <nummeraanduidingen> [mutations]
 */
public class BagExtractGenerator {

    static final String NS = "xmlns:Objecten=\"www.kadaster.nl/schemas/lvbag/imbag/objecten/v20200601\""
            + " xmlns:gml=\"http://www.opengis.net/gml/3.2\" xmlns:Historie=\"www.kadaster.nl/schemas/lvbag/imbag/historie/v20200601\""
            + " xmlns:Objecten-ref=\"www.kadaster.nl/schemas/lvbag/imbag/objecten-ref/v20200601\""
            + " xmlns:selecties-extract=\"http://www.kadaster.nl/schemas/lvbag/extract-selecties/v20200601\"";
    static final String STAND = "<sl-bag-extract:bagStand " + NS
            + " xmlns:sl-bag-extract=\"http://www.kadaster.nl/schemas/lvbag/extract-deelbestand-lvc/v20200601\""
            + " xmlns:sl=\"http://www.kadaster.nl/schemas/standlevering-generiek/1.0\">";
    static final String NLD = "<selecties-extract:Gebied-Registratief><selecties-extract:Gebied-NLD/></selecties-extract:Gebied-Registratief>";
    static final int PER_FILE = 10_000;
    static final int GEMEENTEN = 342;
    static final String OPEN = "<sl:stand><sl-bag-extract:bagObject>";
    static final String CLOSE = "</sl-bag-extract:bagObject></sl:stand>\n";
    static final String DAY = "08112025";

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int mutations = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        Files.createDirectories(dir);
        int streets = Math.max(1, n / 25);
        int woonplaatsen = Math.max(GEMEENTEN, Math.min(2_500, n / 400));
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(
                Files.newOutputStream(dir.resolve("lvbag-extract-nl-" + DAY + ".zip")), 1 << 20))) {
            zip.setLevel(1);
            zip.putNextEntry(new ZipEntry("Leveringsdocument-BAG-Extract.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><xb:BAG-Extract-Levering xmlns:xb=\"http://www.kadaster.nl/schemas/lvbag/extract-levering/v20200601\""
                    + " xmlns:selecties-extract=\"http://www.kadaster.nl/schemas/lvbag/extract-selecties/v20200601\"><xb:SelectieGegevens><selecties-extract:LVC-Extract>"
                    + "<selecties-extract:StandTechnischeDatum>2025-11-08</selecties-extract:StandTechnischeDatum></selecties-extract:LVC-Extract>" + NLD
                    + "</xb:SelectieGegevens><xb:SchemaInfo><xb:naam>BagvsExtractDeelbestandExtractLvc-2.1.0.xsd</xb:naam><xb:versie>20200601</xb:versie>"
                    + "</xb:SchemaInfo></xb:BAG-Extract-Levering>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            inner(zip, "GEM-WPL-RELATIE-" + DAY, null, 1, woonplaatsen, (w, i) -> gwr(w, i), true);
            inner(zip, "9999WPL" + DAY, "WPL", PER_FILE, woonplaatsen, (w, i) -> wpl(w, i), false);
            inner(zip, "9999OPR" + DAY, "OPR", PER_FILE, streets, (w, i) -> opr(w, i, woonplaatsen), false);
            inner(zip, "9999NUM" + DAY, "NUM", PER_FILE, n, (w, i) -> num(w, i, streets), false);
            inner(zip, "9999VBO" + DAY, "VBO", PER_FILE, n, (w, i) -> vbo(w, i, n), false);
        }
        mutations(dir, n, streets, mutations);
    }

    interface Body {
        void write(Writer w, int i) throws IOException;
    }

    /** One zip of numbered XML files inside the outer zip, streamed (no temporary files). */
    static void inner(ZipOutputStream outer, String name, String type, int perFile, int total, Body body, boolean gwr)
            throws IOException {
        outer.putNextEntry(new ZipEntry(name + ".zip"));
        ZipOutputStream zip = new ZipOutputStream(new NotClosing(outer));
        zip.setLevel(1);
        int files = gwr ? 1 : Math.max(1, (total + perFile - 1) / perFile);
        for (int f = 0; f < files; f++) {
            zip.putNextEntry(new ZipEntry(String.format("%s-%06d.xml", name, f + 1)));
            Writer w = new OutputStreamWriter(new NotClosing(zip), StandardCharsets.UTF_8);
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            if (gwr) {
                w.write("<gwr-bestand:BAG-GWR-Deelbestand-LVC xmlns:gwr-bestand=\"www.kadaster.nl/schemas/lvbag/gem-wpl-rel/gwr-deelbestand-lvc/v20200601\""
                        + " xmlns:gwr-product=\"www.kadaster.nl/schemas/lvbag/gem-wpl-rel/gwr-producten-lvc/v20200601\""
                        + " xmlns:selecties-extract=\"http://www.kadaster.nl/schemas/lvbag/extract-selecties/v20200601\""
                        + " xmlns:bagtypes=\"www.kadaster.nl/schemas/lvbag/gem-wpl-rel/bag-types/v20200601\"><gwr-bestand:SelectieGegevens>"
                        + "<selecties-extract:StandTechnischeDatum>2025-11-08</selecties-extract:StandTechnischeDatum></gwr-bestand:SelectieGegevens>"
                        + "<gwr-bestand:Product><gwr-product:GemeenteWoonplaatsRelatieProduct>\n");
                for (int i = 0; i < total; i++) {
                    body.write(w, i);
                }
                w.write("</gwr-product:GemeenteWoonplaatsRelatieProduct></gwr-bestand:Product></gwr-bestand:BAG-GWR-Deelbestand-LVC>\n");
            } else {
                w.write(STAND + "<sl-bag-extract:bagInfo>" + NLD + "<selecties-extract:LVC-Extract><selecties-extract:StandTechnischeDatum>2025-11-08"
                        + "</selecties-extract:StandTechnischeDatum></selecties-extract:LVC-Extract></sl-bag-extract:bagInfo>\n<sl:standBestand>"
                        + "<sl:dataset>LVBAG</sl:dataset><sl:inhoud><sl:gebied>NEDERLAND</sl:gebied><sl:leveringsId>0000000001</sl:leveringsId>"
                        + "<sl:objectTypen><sl:objectType>" + type + "</sl:objectType></sl:objectTypen></sl:inhoud>\n");
                for (int i = f * perFile; i < Math.min(total, (f + 1) * perFile); i++) {
                    body.write(w, i);
                }
                w.write("</sl:standBestand></sl-bag-extract:bagStand>\n");
            }
            w.flush();
            zip.closeEntry();
        }
        zip.finish();
        outer.closeEntry();
    }

    static String gem(int i) {
        return String.format("%04d", 1 + i % GEMEENTEN);
    }

    static void voorkomen(Writer w, int id, String begin, String end, boolean inactive) throws IOException {
        w.write("<Objecten:voorkomen><Historie:Voorkomen><Historie:voorkomenidentificatie>" + id
                + "</Historie:voorkomenidentificatie><Historie:beginGeldigheid>" + begin + "</Historie:beginGeldigheid>"
                + (end == null ? "" : "<Historie:eindGeldigheid>" + end + "</Historie:eindGeldigheid>")
                + "<Historie:tijdstipRegistratie>" + begin + "T09:00:00.000</Historie:tijdstipRegistratie>"
                + (inactive ? "<Historie:tijdstipInactief>" + begin + "T10:00:00.000</Historie:tijdstipInactief>" : "")
                + "<Historie:BeschikbaarLV><Historie:tijdstipRegistratieLV>" + begin + "T09:05:00.000</Historie:tijdstipRegistratieLV>"
                + "</Historie:BeschikbaarLV></Historie:Voorkomen></Objecten:voorkomen>");
    }

    static void gwr(Writer w, int i) throws IOException {
        w.write("<gwr-product:GemeenteWoonplaatsRelatie><gwr-product:tijdvakgeldigheid><bagtypes:begindatumTijdvakGeldigheid>2010-01-01"
                + "</bagtypes:begindatumTijdvakGeldigheid></gwr-product:tijdvakgeldigheid><gwr-product:gerelateerdeWoonplaats><gwr-product:identificatie>"
                + String.format("%04d", 1000 + i) + "</gwr-product:identificatie></gwr-product:gerelateerdeWoonplaats><gwr-product:gerelateerdeGemeente>"
                + "<gwr-product:identificatie>" + gem(i) + "</gwr-product:identificatie></gwr-product:gerelateerdeGemeente>"
                + "<gwr-product:status>definitief</gwr-product:status></gwr-product:GemeenteWoonplaatsRelatie>\n");
    }

    static void wpl(Writer w, int i) throws IOException {
        w.write(OPEN + "<Objecten:Woonplaats><Objecten:identificatie domein=\"NL.IMBAG.Woonplaats\">"
                + String.format("%04d", 1000 + i) + "</Objecten:identificatie><Objecten:naam>Woonplaats " + i
                + "</Objecten:naam><Objecten:geometrie><Objecten:vlak><gml:Polygon srsName=\"urn:ogc:def:crs:EPSG::28992\" srsDimension=\"2\""
                + " gml:id=\"WPL_" + (1000 + i) + "_1\"><gml:exterior><gml:LinearRing><gml:posList count=\"5\">0.0 300000.0 280000.0 300000.0"
                + " 280000.0 625000.0 0.0 625000.0 0.0 300000.0</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></Objecten:vlak>"
                + "</Objecten:geometrie><Objecten:status>Woonplaats aangewezen</Objecten:status><Objecten:geconstateerd>N</Objecten:geconstateerd>"
                + "<Objecten:documentdatum>2010-01-01</Objecten:documentdatum><Objecten:documentnummer>W" + i + "</Objecten:documentnummer>");
        voorkomen(w, 1, "2010-01-01", null, false);
        w.write("</Objecten:Woonplaats>" + CLOSE);
    }

    static String oprId(int street) {
        return gem(street) + "30" + String.format("%010d", street);
    }

    static void opr(Writer w, int i, int woonplaatsen) throws IOException {
        // The street's id carries its gemeente (as the nummeraanduidingen on it refer to it), and it lies in a
        // woonplaats of that same gemeente (woonplaats w belongs to gemeente gem(w)).
        int wpl = i % GEMEENTEN + GEMEENTEN * (i / GEMEENTEN % Math.max(1, woonplaatsen / GEMEENTEN));
        w.write(OPEN + "<Objecten:OpenbareRuimte><Objecten:identificatie domein=\"NL.IMBAG.Openbareruimte\">"
                + oprId(i) + "</Objecten:identificatie><Objecten:naam>Straat " + i
                + "</Objecten:naam><Objecten:type>Weg</Objecten:type><Objecten:status>Naamgeving uitgegeven</Objecten:status>"
                + "<Objecten:geconstateerd>N</Objecten:geconstateerd><Objecten:documentdatum>2010-01-01</Objecten:documentdatum>"
                + "<Objecten:documentnummer>D" + i + "</Objecten:documentnummer><Objecten:ligtIn><Objecten-ref:WoonplaatsRef domein=\"NL.IMBAG.Woonplaats\">"
                + String.format("%04d", 1000 + wpl) + "</Objecten-ref:WoonplaatsRef></Objecten:ligtIn>");
        voorkomen(w, 1, "2010-01-01", null, false);
        w.write("</Objecten:OpenbareRuimte>" + CLOSE);
    }

    /** The street of address i and its gemeente code prefix (so ids cluster per gemeente, as in the BAG). */
    static int street(int i, int streets) {
        return i / 25 % streets;
    }

    static String numId(int i, int streets) {
        return oprId(street(i, streets)).substring(0, 4) + "20" + String.format("%010d", i);
    }

    static String postcode(int i) {
        int digits = 1000 + (i / 40) % 9000;
        char a = (char) ('A' + (i / 8) % 17);
        char b = (char) ('A' + i % 26);
        return "" + digits + a + b;
    }

    /**
     * The postcode a mutation gives address i (a new address, or an existing one's next voorkomen): one per street of 25
     * house numbers, with a first letter from R to Z without S, which no address of the full extract has (those use A
     * to Q; the history's 9999ZZ and 9998ZZ only meet ZZ from street 1,800,000 on), so a mutation never takes an
     * existing address's postcode and huisnummer and the import has no reason to refuse it. Not S: SA, SD and SS are no
     * postcodes (the national run of 2026-12-02 had 314 mutations refused for them, rightly). Distinct for every street
     * below 1,872,000 (46.8 million addresses).
     */
    static String mutationPostcode(int i) {
        int street = i / 25;
        int digits = 1000 + street % 9000;
        char a = "RTUVWXYZ".charAt((street / 9000) % 8);
        char b = (char) ('A' + (street / 72_000) % 26);
        return "" + digits + a + b;
    }

    static void numBody(Writer w, int i, int streets, String postcode, int voorkomen, String begin, String end,
            boolean inactive, String status) throws IOException {
        String opr = oprId(street(i, streets)).substring(0, 4) + "30" + String.format("%010d", street(i, streets));
        w.write("<Objecten:Nummeraanduiding><Objecten:identificatie domein=\"NL.IMBAG.Nummeraanduiding\">" + numId(i, streets)
                + "</Objecten:identificatie><Objecten:huisnummer>" + (1 + i % 25 * 2) + "</Objecten:huisnummer>"
                + (i % 7 == 0 ? "<Objecten:huisletter>A</Objecten:huisletter>" : "")
                + "<Objecten:postcode>" + postcode + "</Objecten:postcode><Objecten:typeAdresseerbaarObject>Verblijfsobject</Objecten:typeAdresseerbaarObject>"
                + "<Objecten:status>" + status + "</Objecten:status><Objecten:geconstateerd>N</Objecten:geconstateerd>"
                + "<Objecten:documentdatum>" + begin + "</Objecten:documentdatum><Objecten:documentnummer>N" + i + "</Objecten:documentnummer>");
        voorkomen(w, voorkomen, begin, end, inactive);
        w.write("<Objecten:ligtAan><Objecten-ref:OpenbareRuimteRef domein=\"NL.IMBAG.Openbareruimte\">" + opr
                + "</Objecten-ref:OpenbareRuimteRef></Objecten:ligtAan></Objecten:Nummeraanduiding>");
    }

    static void num(Writer w, int i, int streets) throws IOException {
        // The OPR id prefix is the gemeente of the street; the designation must be unique: postcode per 40 addresses.
        if (i % 33 == 0) { // history: an earlier voorkomen with another postcode
            w.write(OPEN);
            numBody(w, i, streets, "9999ZZ", 1, "2012-01-01", "2018-01-01", false, "Naamgeving uitgegeven");
            w.write(CLOSE);
        }
        boolean ended = i % 200 == 1;
        w.write(OPEN);
        numBody(w, i, streets, postcode(i), i % 33 == 0 ? 2 : 1, i % 33 == 0 ? "2018-01-01" : "2012-01-01",
                ended ? "2024-01-01" : null, false, "Naamgeving uitgegeven");
        w.write(CLOSE);
        if (i % 500 == 3) { // an inactive later voorkomen
            w.write(OPEN);
            numBody(w, i, streets, "9998ZZ", 3, "2020-01-01", null, true, "Naamgeving uitgegeven");
            w.write(CLOSE);
        }
    }

    static void vboBody(Writer w, int i, int n, int voorkomen, String begin, String end, String status) throws IOException {
        int streets = Math.max(1, n / 25);
        String id = numId(i, streets).substring(0, 4) + "01" + String.format("%010d", i);
        w.write("<Objecten:Verblijfsobject><Objecten:heeftAlsHoofdadres><Objecten-ref:NummeraanduidingRef domein=\"NL.IMBAG.Nummeraanduiding\">"
                + numId(i, streets) + "</Objecten-ref:NummeraanduidingRef></Objecten:heeftAlsHoofdadres>");
        voorkomen(w, voorkomen, begin, end, false);
        if (i % 100 == 7 && i + 1 < n) { // a nevenadres: the next nummeraanduiding
            w.write("<Objecten:heeftAlsNevenadres><Objecten-ref:NummeraanduidingRef domein=\"NL.IMBAG.Nummeraanduiding\">"
                    + numId(i + 1, streets) + "</Objecten-ref:NummeraanduidingRef></Objecten:heeftAlsNevenadres>");
        }
        double x = 13_000 + (i * 7919L % 265_000);
        double y = 306_000 + (i * 104_729L % 310_000);
        w.write("<Objecten:identificatie domein=\"NL.IMBAG.Verblijfsobject\">" + id + "</Objecten:identificatie><Objecten:geometrie><Objecten:punt>"
                + "<gml:Point srsName=\"urn:ogc:def:crs:EPSG::28992\" srsDimension=\"3\" gml:id=\"VBO_" + id + "_" + voorkomen + "\"><gml:pos>" + x + " " + y + " 0.0</gml:pos></gml:Point>"
                + "</Objecten:punt></Objecten:geometrie><Objecten:gebruiksdoel>woonfunctie</Objecten:gebruiksdoel><Objecten:oppervlakte>80</Objecten:oppervlakte>"
                + "<Objecten:status>" + status + "</Objecten:status><Objecten:geconstateerd>N</Objecten:geconstateerd>"
                + "<Objecten:documentdatum>" + begin + "</Objecten:documentdatum><Objecten:documentnummer>V" + i + "</Objecten:documentnummer>"
                + "<Objecten:maaktDeelUitVan><Objecten-ref:PandRef domein=\"NL.IMBAG.Pand\">" + id.substring(0, 4) + "10" + String.format("%010d", i / 4)
                + "</Objecten-ref:PandRef></Objecten:maaktDeelUitVan></Objecten:Verblijfsobject>");
    }

    static void vbo(Writer w, int i, int n) throws IOException {
        if (i % 40 == 0) {
            w.write(OPEN);
            vboBody(w, i, n, 1, "2012-01-01", "2016-01-01", "Verbouwing verblijfsobject");
            w.write(CLOSE);
        }
        w.write(OPEN);
        vboBody(w, i, n, i % 40 == 0 ? 2 : 1, i % 40 == 0 ? "2016-01-01" : "2012-01-01", null,
                i % 300 == 5 ? "Verblijfsobject ingetrokken" : "Verblijfsobject in gebruik");
        w.write(CLOSE);
    }

    /**
     * A day of mutations as the Kadaster sends them: a third new addresses (a toevoeging of the nummeraanduiding and one
     * of its verblijfsobject), a third new voorkomens with another postcode and a third withdrawn verblijfsobjecten
     * (each a wijziging, whose was is the current voorkomen and whose wordt the same voorkomen ended, and a toevoeging of
     * the next voorkomen).
     */
    static void mutations(Path dir, int n, int streets, int count) throws IOException {
        String name = "9999MUT" + DAY + "-09112025";
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(
                Files.newOutputStream(dir.resolve("BAGNLDM-" + DAY + "-09112025.zip"))))) {
            zip.putNextEntry(new ZipEntry(name + ".zip"));
            ZipOutputStream inner = new ZipOutputStream(new NotClosing(zip));
            inner.putNextEntry(new ZipEntry(name + "-000001.xml"));
            Writer w = new OutputStreamWriter(new NotClosing(inner), StandardCharsets.UTF_8);
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<mlm:bagMutaties " + NS
                    + " xmlns:mlm=\"http://www.kadaster.nl/schemas/lvbag/extract-deelbestand-mutaties-lvc/v20200601\""
                    + " xmlns:ml=\"http://www.kadaster.nl/schemas/mutatielevering-generiek/1.0\"><mlm:bagInfo>" + NLD
                    + "<selecties-extract:MUT-Extract><selecties-extract:StandTechnischeDatum>2025-11-09</selecties-extract:StandTechnischeDatum>"
                    + "<selecties-extract:Mutatieperiode><selecties-extract:MutatiedatumVanaf>2025-11-08</selecties-extract:MutatiedatumVanaf>"
                    + "<selecties-extract:MutatiedatumTot>2025-11-09</selecties-extract:MutatiedatumTot></selecties-extract:Mutatieperiode>"
                    + "</selecties-extract:MUT-Extract></mlm:bagInfo><ml:mutatieBericht><ml:dataset>LVBAG</ml:dataset><ml:inhoud>"
                    + "<ml:gebied>NEDERLAND</ml:gebied><ml:leveringsId>0000000002</ml:leveringsId><ml:objectTypen><ml:objectType>NUM</ml:objectType>"
                    + "<ml:objectType>VBO</ml:objectType></ml:objectTypen></ml:inhoud>\n");
            Random random = new Random(17);
            String ended = "2025-11-08";
            for (int m = 0; m < count; m++) {
                int kind = m % 3;
                int i = random.nextInt(n);
                if (kind == 0) { // a new address after the range of the full extract
                    int fresh = n + m;
                    w.write("<ml:mutatieGroep><ml:toevoeging><ml:wordt><mlm:bagObject>");
                    numBody(w, fresh, streets, mutationPostcode(fresh), 1, ended, null, false, "Naamgeving uitgegeven");
                    w.write("</mlm:bagObject></ml:wordt></ml:toevoeging><ml:toevoeging><ml:wordt><mlm:bagObject>");
                    vboBody(w, fresh, n, 1, ended, null, "Verblijfsobject gevormd");
                    w.write("</mlm:bagObject></ml:wordt></ml:toevoeging></ml:mutatieGroep>\n");
                } else if (kind == 1) { // the nummeraanduiding's next voorkomen has another postcode
                    int current = i % 33 == 0 ? 2 : 1;
                    String begin = i % 33 == 0 ? "2018-01-01" : "2012-01-01";
                    int next = i % 500 == 3 ? 4 : current + 1;
                    w.write("<ml:mutatieGroep><ml:wijziging><ml:was><mlm:bagObject>");
                    numBody(w, i, streets, postcode(i), current, begin, null, false, "Naamgeving uitgegeven");
                    w.write("</mlm:bagObject></ml:was><ml:wordt><mlm:bagObject>");
                    numBody(w, i, streets, postcode(i), current, begin, ended, false, "Naamgeving uitgegeven");
                    w.write("</mlm:bagObject></ml:wordt></ml:wijziging><ml:toevoeging><ml:wordt><mlm:bagObject>");
                    numBody(w, i, streets, mutationPostcode(i), next, ended, null, false, "Naamgeving uitgegeven");
                    w.write("</mlm:bagObject></ml:wordt></ml:toevoeging></ml:mutatieGroep>\n");
                } else { // the verblijfsobject is withdrawn (demolished)
                    int current = i % 40 == 0 ? 2 : 1;
                    String begin = i % 40 == 0 ? "2016-01-01" : "2012-01-01";
                    String status = i % 300 == 5 ? "Verblijfsobject ingetrokken" : "Verblijfsobject in gebruik";
                    w.write("<ml:mutatieGroep><ml:wijziging><ml:was><mlm:bagObject>");
                    vboBody(w, i, n, current, begin, null, status);
                    w.write("</mlm:bagObject></ml:was><ml:wordt><mlm:bagObject>");
                    vboBody(w, i, n, current, begin, ended, status);
                    w.write("</mlm:bagObject></ml:wordt></ml:wijziging><ml:toevoeging><ml:wordt><mlm:bagObject>");
                    vboBody(w, i, n, current + 1, ended, null, "Verblijfsobject ingetrokken");
                    w.write("</mlm:bagObject></ml:wordt></ml:toevoeging></ml:mutatieGroep>\n");
                }
            }
            w.write("</ml:mutatieBericht></mlm:bagMutaties>\n");
            w.flush();
            inner.closeEntry();
            inner.finish();
            zip.closeEntry();
        }
    }

    static final class NotClosing extends java.io.FilterOutputStream {
        NotClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
