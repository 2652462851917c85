package nl.adreszicht.registers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKBReader;

/** The rules of the BAG extract and the projection, without Spring. */
class RegisterRulesTest {

    private static BagObject voorkomen(LocalDate begin, LocalDate end, boolean inactive) {
        return new BagObject(
                "NUM",
                "0118200000000001",
                1,
                begin,
                end,
                inactive,
                "Naamgeving uitgegeven",
                null,
                1,
                null,
                null,
                "7901AA",
                "0118300000000001",
                null,
                null,
                List.of(),
                Double.NaN,
                Double.NaN);
    }

    @Test
    void aVoorkomenHoldsFromItsBeginUntilItsEndUnlessItWasMadeInactive() {
        LocalDate day = LocalDate.of(2025, 11, 8);
        assertThat(CurrentVoorkomen.holds(voorkomen(LocalDate.of(2020, 1, 1), null, false), day))
                .isTrue();
        assertThat(CurrentVoorkomen.holds(voorkomen(LocalDate.of(2020, 1, 1), day, false), day))
                .isFalse();
        assertThat(CurrentVoorkomen.holds(voorkomen(LocalDate.of(2020, 1, 1), day.plusDays(1), false), day))
                .isTrue();
        assertThat(CurrentVoorkomen.holds(voorkomen(day.plusDays(1), null, false), day))
                .isFalse();
        assertThat(CurrentVoorkomen.holds(voorkomen(LocalDate.of(2020, 1, 1), null, true), day))
                .isFalse();
    }

    @Test
    void theStandFileIsReadStreamingWithHistoryInactiveVoorkomensAndNevenadressen() throws Exception {
        List<BagObject> objects = new ArrayList<>();
        List<String> rejects = new ArrayList<>();
        LocalDate[] stand = {null};
        for (String file : List.of(
                "9999NUM08112025-000001.xml",
                "9999VBO08112025-000001.xml",
                "9999LIG08112025-000001.xml",
                "GEM-WPL-RELATIE-08112025.xml")) {
            BagXml.read(new ByteArrayInputStream(Fixtures.resource("bag/" + file)), file, new BagXml.Sink() {
                @Override
                public void info(BagXml.Info info) {
                    stand[0] = info.stand();
                }

                @Override
                public void object(BagObject object, BagXml.Role role) {
                    objects.add(object);
                }

                @Override
                public void reject(String id, String reason) {
                    rejects.add(id);
                }
            });
        }
        assertThat(stand[0]).isEqualTo(LocalDate.of(2025, 11, 8));
        assertThat(rejects).isEmpty();
        assertThat(objects).filteredOn(o -> o.type().equals("NUM")).hasSize(14);
        BagObject inactive = objects.stream()
                .filter(o -> o.id().equals("0118200000000006") && o.voorkomen() == 2)
                .findFirst()
                .orElseThrow();
        assertThat(inactive.inactive()).isTrue();
        BagObject vbo = objects.stream()
                .filter(o -> o.id().equals("0118010000000001"))
                .findFirst()
                .orElseThrow();
        assertThat(vbo.nevenadressen()).containsExactly("0118200000000003");
        assertThat(vbo.x()).isEqualTo(233500.0);
        BagObject ligplaats =
                objects.stream().filter(o -> o.type().equals("LIG")).findFirst().orElseThrow();
        assertThat(ligplaats.x()).isEqualTo(234600.0);
        assertThat(ligplaats.y()).isEqualTo(527585.0);
        assertThat(objects).filteredOn(o -> o.type().equals("GWR")).hasSize(3);
        assertThat(UsableStatus.usable(objects.stream()
                        .filter(o -> o.id().equals("0118010000000004"))
                        .findFirst()
                        .orElseThrow()))
                .isFalse();
    }

    @Test
    void aMutationFileGivesEachObjectTheRoleOfItsMutation() throws Exception {
        java.util.Map<BagXml.Role, List<String>> roles = new java.util.EnumMap<>(BagXml.Role.class);
        BagXml.read(
                new ByteArrayInputStream(Fixtures.resource("bag/9999MUT08112025-09112025-000001.xml")),
                "mutaties.xml",
                new BagXml.Sink() {
                    @Override
                    public void info(BagXml.Info info) {
                        assertThat(info.stand()).isEqualTo(LocalDate.of(2025, 11, 9));
                        assertThat(info.mutationsFrom()).isEqualTo(LocalDate.of(2025, 11, 8));
                        assertThat(info.mutationsUntil()).isEqualTo(LocalDate.of(2025, 11, 9));
                    }

                    @Override
                    public void object(BagObject object, BagXml.Role role) {
                        roles.computeIfAbsent(role, r -> new ArrayList<>())
                                .add(object.type() + " " + object.id() + " " + object.voorkomen());
                    }

                    @Override
                    public void reject(String id, String reason) {
                        throw new AssertionError(id + ": " + reason);
                    }
                });

        assertThat(roles.get(BagXml.Role.WAS))
                .containsExactly("NUM 0118200000000001 1", "VBO 0118010000000002 1", "NUM 0118200000000014 1");
        assertThat(roles.get(BagXml.Role.WORDT))
                .containsExactly("NUM 0118200000000001 1", "VBO 0118010000000002 1", "NUM 0118200000000014 1");
        assertThat(roles.get(BagXml.Role.TOEVOEGING))
                .containsExactly(
                        "NUM 0118200000000012 1",
                        "VBO 0118010000000010 1",
                        "NUM 0118200000000001 2",
                        "VBO 0118010000000002 2",
                        "NUM 0118200000000013 1",
                        "VBO 0118010000000013 1",
                        "NUM 0118200000000014 1");
        assertThat(roles.get(BagXml.Role.VERWIJDERING)).containsExactly("LIG 0118020000000001 1");
    }

    @Test
    void cbsTablesAreReadByTheirCellsAndQuotes() {
        assertThat(XlsxSheets.column("A1")).isZero();
        assertThat(XlsxSheets.column("E12")).isEqualTo(4);
        assertThat(XlsxSheets.column("AA3")).isEqualTo(26);
        assertThat(CbsGemeenteChanges.fields("\"0788\",\"Haaren 1)\",\"Sint-\"\"X\"\"\",,\"NB.\"", ','))
                .containsExactly("0788", "Haaren 1)", "Sint-\"X\"", "", "NB.");
        assertThat(CbsGemeenteChanges.fields("3;Appingedam;1979", ';')).containsExactly("3", "Appingedam", "1979");
    }

    @Test
    void aFileThatBreaksOffOrIsNoExtractIsRefusedByName() throws Exception {
        byte[] whole = Fixtures.resource("bag/9999NUM08112025-000001.xml");
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        BagXml.Sink ignore = new BagXml.Sink() {
            @Override
            public void info(BagXml.Info info) {}

            @Override
            public void object(BagObject object, BagXml.Role role) {}

            @Override
            public void reject(String id, String reason) {}
        };
        assertThatThrownBy(() -> BagXml.read(new ByteArrayInputStream(half), "deel.xml", ignore))
                .isInstanceOf(BagXml.FormatException.class)
                .hasMessageContaining("deel.xml");
        assertThatThrownBy(() -> BagXml.read(
                        new ByteArrayInputStream(Fixtures.resource("bag/not-a-bag-extract.xml")), "x.xml", ignore))
                .hasMessageContaining("geen bestand van een BAG 2.0-extract");
    }

    @Test
    void geoPackageGeometriesRoundTrip() throws Exception {
        GeometryFactory factory = new GeometryFactory();
        Geometry square = factory.createPolygon(
                new Coordinate[] {new Coordinate(0, 0), new Coordinate(1, 0), new Coordinate(1, 1), new Coordinate(0, 0)
                });
        byte[] blob = CbsAreaImport.GeoPackageGeometry.of(square, 28992);
        assertThat(new WKBReader().read(CbsAreaImport.GeoPackageGeometry.wkb(blob)))
                .isEqualTo(square);
        assertThatThrownBy(() -> CbsAreaImport.GeoPackageGeometry.wkb(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
                .hasMessageContaining("GP");
    }

    /**
     * proj4j (with EPSG's datum shift) against the project's own polynomial ({@code areascan.RdNew}) over the
     * Netherlands, and both at the RD origin in Amersfoort against its published WGS84 position.
     */
    @Test
    void proj4jAndThePolynomialAgreeWithinTwoMetresOverTheNetherlands() throws Exception {
        Class<?> rdNew = Class.forName("nl.adreszicht.areascan.RdNew");
        Method polynomial = rdNew.getDeclaredMethod("toWgs84", double.class, double.class);
        polynomial.setAccessible(true);
        Projection projection = new Projection();
        double worst = 0;
        for (double x = 20_000; x <= 280_000; x += 20_000) {
            for (double y = 310_000; y <= 610_000; y += 25_000) {
                double[] lonLat = projection.toWgs84(x, y);
                double[] latLon = (double[]) polynomial.invoke(null, x, y);
                worst = Math.max(worst, metres(lonLat[1], lonLat[0], latLon[0], latLon[1]));
                double[] back = projection.toRd(lonLat[0], lonLat[1]);
                assertThat(Math.hypot(back[0] - x, back[1] - y)).isLessThan(0.01);
            }
        }
        assertThat(worst).as("largest difference in metres").isLessThan(2.0);
        double[] origin = projection.toWgs84(155_000, 463_000);
        assertThat(metres(origin[1], origin[0], 52.15517440, 5.38720621)).isLessThan(2.0);
    }

    private static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dy = (lat1 - lat2) * 111_320;
        double dx = (lon1 - lon2) * 111_320 * Math.cos(Math.toRadians(lat1));
        return Math.hypot(dx, dy);
    }
}
