package nl.adreszicht.registers;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Reads one XML file of an LV BAG 2.0 extract with StAX, one object at a time and never the whole file (heap stays
 * flat whatever the file's size): a stand file ({@code sl-bag-extract:bagStand}, objects under
 * {@code sl:standBestand/sl:stand/sl-bag-extract:bagObject}), a mutation file ({@code mlm:bagMutaties}, objects under
 * {@code ml:mutatieBericht/ml:mutatieGroep/(ml:toevoeging|ml:wijziging|ml:verwijdering)/(ml:was|ml:wordt)/mlm:bagObject}),
 * the gemeente-woonplaats relation ({@code gwr-bestand:BAG-GWR-Deelbestand-LVC}: {@code gwr-bestand:SelectieGegevens}, then
 * {@code gwr-bestand:Product/gwr-product:GemeenteWoonplaatsRelatieProduct}) and the Leveringsdocument. The namespaces are
 * those of the published XSDs of version {@code v20200601} (Kadaster, BAG Extract 2.0, schemas 2.1.0); a file with
 * another root is refused with its name.
 */
final class BagXml {

    static final String STAND = "http://www.kadaster.nl/schemas/lvbag/extract-deelbestand-lvc/v20200601";
    static final String MUTATIES = "http://www.kadaster.nl/schemas/lvbag/extract-deelbestand-mutaties-lvc/v20200601";
    static final String STANDLEVERING = "http://www.kadaster.nl/schemas/standlevering-generiek/1.0";
    static final String MUTATIELEVERING = "http://www.kadaster.nl/schemas/mutatielevering-generiek/1.0";
    static final String SELECTIES = "http://www.kadaster.nl/schemas/lvbag/extract-selecties/v20200601";
    static final String LEVERING = "http://www.kadaster.nl/schemas/lvbag/extract-levering/v20200601";
    static final String OBJECTEN = "www.kadaster.nl/schemas/lvbag/imbag/objecten/v20200601";
    static final String OBJECTEN_REF = "www.kadaster.nl/schemas/lvbag/imbag/objecten-ref/v20200601";
    static final String HISTORIE = "www.kadaster.nl/schemas/lvbag/imbag/historie/v20200601";
    static final String GML = "http://www.opengis.net/gml/3.2";
    static final String GWR_BESTAND = "www.kadaster.nl/schemas/lvbag/gem-wpl-rel/gwr-deelbestand-lvc/v20200601";
    static final String GWR_PRODUCT = "www.kadaster.nl/schemas/lvbag/gem-wpl-rel/gwr-producten-lvc/v20200601";
    static final String BAGTYPES = "www.kadaster.nl/schemas/lvbag/gem-wpl-rel/bag-types/v20200601";

    private static final Set<String> OBJECT_TYPES =
            Set.of("Nummeraanduiding", "Verblijfsobject", "Ligplaats", "Standplaats", "OpenbareRuimte", "Woonplaats");

    private static final XMLInputFactory FACTORY = factory();

    /** What a file's bagInfo says. */
    record Info(
            @Nullable LocalDate stand,
            @Nullable LocalDate mutationsFrom,
            @Nullable LocalDate mutationsUntil) {}

    /**
     * Where an object stands: a plain stand object, the wordt of a toevoeging, the was or the wordt of a wijziging, or
     * the was of a verwijdering (a voorkomen the Kadaster took out of the register).
     */
    enum Role {
        STAND,
        TOEVOEGING,
        WAS,
        WORDT,
        VERWIJDERING
    }

    /** Receives what the file holds, in file order. */
    interface Sink {

        void info(Info info);

        void object(BagObject object, Role role);

        /** An object that could not be read; the rest of the file goes on. */
        void reject(String id, String reason);
    }

    /** The file is not (a part of) a BAG extract, or broke off. */
    static final class FormatException extends RuntimeException {
        FormatException(String message) {
            super(message);
        }

        FormatException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private BagXml() {}

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** Reads {@code in} (not closed) to the end; {@code name} names the file in messages. */
    static void read(InputStream in, String name, Sink sink) {
        try {
            XMLStreamReader xml = FACTORY.createXMLStreamReader(in, "UTF-8");
            try {
                while (xml.hasNext() && xml.next() != XMLStreamConstants.START_ELEMENT) {
                    // prolog
                }
                if (!xml.isStartElement()) {
                    throw new FormatException(name + " is leeg: geen XML-element gevonden.");
                }
                String root = xml.getLocalName();
                String ns = xml.getNamespaceURI();
                if (STAND.equals(ns) && root.equals("bagStand")) {
                    body(xml, sink, false);
                } else if (MUTATIES.equals(ns) && root.equals("bagMutaties")) {
                    body(xml, sink, true);
                } else if (GWR_BESTAND.equals(ns) && root.equals("BAG-GWR-Deelbestand-LVC")) {
                    gemeenteWoonplaats(xml, sink);
                } else if (LEVERING.equals(ns) && root.equals("BAG-Extract-Levering")) {
                    sink.info(info(xml));
                } else {
                    throw new FormatException(name + " is geen bestand van een BAG 2.0-extract: het hoofdelement is {"
                            + ns + "}" + root + ", verwacht sl-bag-extract:bagStand, mlm:bagMutaties of"
                            + " gwr-bestand:BAG-GWR-Deelbestand-LVC (schema's v20200601).");
                }
            } finally {
                xml.close();
            }
        } catch (XMLStreamException broken) {
            throw new FormatException(
                    name + " is geen geldige XML of breekt af"
                            + (broken.getLocation() == null
                                    ? ""
                                    : " (regel " + broken.getLocation().getLineNumber() + ")")
                            + ": " + broken.getMessage(),
                    broken);
        }
    }

    private static void body(XMLStreamReader xml, Sink sink, boolean mutations) throws XMLStreamException {
        // In a mutation file the role follows from the mutation (ml:toevoeging, ml:wijziging, ml:verwijdering) and
        // its ml:was or ml:wordt; each holds exactly one mlm:bagObject (mutatielevering-generiek-1.0.xsd).
        String mutation = "";
        Role role = mutations ? Role.TOEVOEGING : Role.STAND;
        boolean inBagObject = false;
        int depth = 1;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String local = xml.getLocalName();
                String ns = xml.getNamespaceURI();
                if (local.equals("bagInfo")) {
                    sink.info(info(xml));
                    depth--;
                } else if (MUTATIELEVERING.equals(ns)) {
                    switch (local) {
                        case "toevoeging", "wijziging", "verwijdering" -> mutation = local;
                        case "was" -> role = mutation.equals("verwijdering") ? Role.VERWIJDERING : Role.WAS;
                        case "wordt" -> role = mutation.equals("wijziging") ? Role.WORDT : Role.TOEVOEGING;
                        default -> {}
                    }
                } else if (local.equals("bagObject")) {
                    inBagObject = true;
                } else if (inBagObject && OBJECTEN.equals(ns)) {
                    if (OBJECT_TYPES.contains(local)) {
                        object(xml, local, sink, role);
                    } else {
                        skip(xml);
                    }
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (xml.getLocalName().equals("bagObject")) {
                    inBagObject = false;
                }
            }
        }
        if (depth > 0) {
            throw new XMLStreamException("het bestand breekt af voor het einde van het hoofdelement");
        }
    }

    private static Info info(XMLStreamReader xml) throws XMLStreamException {
        LocalDate stand = null;
        LocalDate from = null;
        LocalDate until = null;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "StandTechnischeDatum" -> stand = date(xml.getElementText(), "StandTechnischeDatum");
                    case "MutatiedatumVanaf" -> from = date(xml.getElementText(), "MutatiedatumVanaf");
                    case "MutatiedatumTot" -> until = date(xml.getElementText(), "MutatiedatumTot");
                    default -> depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return new Info(stand, from, until);
    }

    /** The GEM-WPL-RELATIE file: gwr-bestand:SelectieGegevens with the StandTechnischeDatum, then the relations. */
    private static void gemeenteWoonplaats(XMLStreamReader xml, Sink sink) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (GWR_PRODUCT.equals(xml.getNamespaceURI())
                        && xml.getLocalName().equals("GemeenteWoonplaatsRelatie")) {
                    relation(xml, sink);
                } else if (SELECTIES.equals(xml.getNamespaceURI())
                        && xml.getLocalName().equals("StandTechnischeDatum")) {
                    sink.info(new Info(date(xml.getElementText(), "StandTechnischeDatum"), null, null));
                }
            }
        }
    }

    private static void relation(XMLStreamReader xml, Sink sink) throws XMLStreamException {
        String parent = "";
        String woonplaats = null;
        String gemeente = null;
        String status = "";
        LocalDate begin = null;
        LocalDate end = null;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "gerelateerdeWoonplaats", "gerelateerdeGemeente", "tijdvakgeldigheid" -> {
                        parent = xml.getLocalName();
                        depth++;
                    }
                    case "identificatie" -> {
                        String value = xml.getElementText().trim();
                        if (parent.equals("gerelateerdeWoonplaats")) {
                            woonplaats = value;
                        } else {
                            gemeente = value;
                        }
                    }
                    case "begindatumTijdvakGeldigheid" -> begin = date(xml.getElementText(), "begindatum");
                    case "einddatumTijdvakGeldigheid" -> end = date(xml.getElementText(), "einddatum");
                    case "status" -> status = xml.getElementText().trim();
                    default -> depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (woonplaats == null
                || gemeente == null
                || !woonplaats.matches("[0-9]{4}")
                || !gemeente.matches("[0-9]{4}")) {
            sink.reject(
                    String.valueOf(woonplaats),
                    "gemeente-woonplaatsrelatie zonder geldige woonplaats- en gemeentecode (4 cijfers)");
            return;
        }
        sink.object(BagObject.gemeenteWoonplaats(woonplaats, gemeente, begin, end, status), Role.STAND);
    }

    /** Reads one object element (the reader stands on its start) up to and including its end. */
    private static void object(XMLStreamReader xml, String element, Sink sink, Role role) throws XMLStreamException {
        String type = switch (element) {
            case "Nummeraanduiding" -> "NUM";
            case "Verblijfsobject" -> "VBO";
            case "Ligplaats" -> "LIG";
            case "Standplaats" -> "STA";
            case "OpenbareRuimte" -> "OPR";
            default -> "WPL";
        };
        boolean located = type.equals("VBO") || type.equals("LIG") || type.equals("STA");
        String id = null;
        String status = null;
        String naam = null;
        String huisnummer = null;
        String huisletter = null;
        String toevoeging = null;
        String postcode = null;
        String openbareRuimte = null;
        String woonplaats = null;
        String hoofdadres = null;
        List<String> nevenadressen = new ArrayList<>(0);
        String voorkomen = null;
        String begin = null;
        String end = null;
        boolean inactive = false;
        String coordinates = null;
        int dimension = 2;
        String relation = "";
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String local = xml.getLocalName();
                String ns = xml.getNamespaceURI();
                String srs = xml.getAttributeValue(null, "srsDimension");
                if (srs != null) {
                    dimension = "3".equals(srs.trim()) ? 3 : 2;
                }
                if (OBJECTEN.equals(ns)) {
                    switch (local) {
                        case "identificatie" -> id = xml.getElementText().trim();
                        case "status" -> status = xml.getElementText().trim();
                        case "naam" -> naam = xml.getElementText().trim();
                        case "huisnummer" -> huisnummer = xml.getElementText().trim();
                        case "huisletter" -> huisletter = xml.getElementText().trim();
                        case "huisnummertoevoeging" ->
                            toevoeging = xml.getElementText().trim();
                        case "postcode" -> postcode = xml.getElementText().trim();
                        case "ligtAan", "ligtIn", "heeftAlsHoofdadres", "heeftAlsNevenadres" -> {
                            relation = local;
                            depth++;
                        }
                        case "geometrie", "punt", "vlak", "multivlak", "voorkomen" -> depth++;
                        default -> skip(xml);
                    }
                } else if (OBJECTEN_REF.equals(ns)) {
                    String ref = xml.getElementText().trim();
                    switch (relation) {
                        case "ligtAan" -> openbareRuimte = ref;
                        case "ligtIn" -> woonplaats = ref;
                        case "heeftAlsHoofdadres" -> hoofdadres = ref;
                        case "heeftAlsNevenadres" -> nevenadressen.add(ref);
                        default -> {}
                    }
                } else if (HISTORIE.equals(ns)) {
                    switch (local) {
                        case "voorkomenidentificatie" ->
                            voorkomen = xml.getElementText().trim();
                        case "beginGeldigheid" -> begin = xml.getElementText().trim();
                        case "eindGeldigheid" -> end = xml.getElementText().trim();
                        case "tijdstipInactief" -> {
                            inactive = true;
                            skip(xml);
                        }
                        case "Voorkomen", "BeschikbaarLV" -> depth++;
                        default -> skip(xml);
                    }
                } else if (GML.equals(ns) && located && (local.equals("pos") || local.equals("posList"))) {
                    String text = xml.getElementText();
                    if (coordinates == null) {
                        coordinates = text;
                    }
                } else if (GML.equals(ns) && located) {
                    depth++;
                } else {
                    skip(xml);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (id == null || id.isEmpty()) {
            sink.reject("(onbekend)", element + " zonder identificatie");
            return;
        }
        try {
            double[] point =
                    coordinates == null ? new double[] {Double.NaN, Double.NaN} : centre(coordinates, dimension);
            sink.object(
                    new BagObject(
                            type,
                            id,
                            voorkomen == null ? 1 : Integer.parseInt(voorkomen),
                            begin == null ? null : date(begin, "beginGeldigheid"),
                            end == null || end.isEmpty() ? null : date(end, "eindGeldigheid"),
                            inactive,
                            status,
                            naam,
                            huisnummer == null ? 0 : Integer.parseInt(huisnummer),
                            huisletter,
                            toevoeging,
                            postcode,
                            openbareRuimte,
                            woonplaats,
                            hoofdadres,
                            List.copyOf(nevenadressen),
                            point[0],
                            point[1]),
                    role);
        } catch (NumberFormatException | FormatException wrong) {
            sink.reject(id, element + ": " + wrong.getMessage());
        }
    }

    /**
     * A point's own coordinates, or the mean of an outline's corners (a ligplaats or standplaats, a verblijfsobject
     * recorded as a surface): close enough to say which buurt it lies in.
     */
    static double[] centre(String coordinates, int dimension) {
        String[] values = coordinates.trim().split("\\s+");
        int points = values.length / dimension;
        if (points == 0) {
            throw new FormatException("geometrie zonder coördinaten");
        }
        // A closed ring repeats its first point: leave it out of the mean.
        int counted = points > 1
                        && values[0].equals(values[(points - 1) * dimension])
                        && values[1].equals(values[(points - 1) * dimension + 1])
                ? points - 1
                : points;
        double x = 0;
        double y = 0;
        for (int p = 0; p < counted; p++) {
            x += Double.parseDouble(values[p * dimension]);
            y += Double.parseDouble(values[p * dimension + 1]);
        }
        return new double[] {x / counted, y / counted};
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static LocalDate date(String text, String field) {
        String value = text.trim();
        try {
            // begindatumTijdvakGeldigheid may carry a time; only the day counts.
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException wrong) {
            throw new FormatException(field + " is geen datum (jjjj-mm-dd): " + value);
        }
    }
}
