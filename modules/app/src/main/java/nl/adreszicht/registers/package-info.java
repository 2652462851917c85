/**
 * The national registers (issue 17, docs/reference-data.md): the LV BAG 2.0 extract of the Kadaster (full extract and
 * daily or monthly mutations, read streaming from the published zip of zips), the CBS wijk- en buurtkaart (GeoPackage or
 * GeoJSON, RD New or WGS84), CBS's buurt per postcode and huisnummer, and CBS's yearly code changes. Keeps a mirror of
 * the current, usable BAG objects, derives from it the addresses of the register (through the one port
 * {@code addresses.RegisterAddresses}) with the buurt each lies in, hands area outlines and code changes to the area
 * scan ({@code areascan.BoundaryStore}, {@code areascan.AreaSuccession}), and records every import run. Runs as a
 * command ({@code --adreszicht.import.*}); the beheer page lists the runs.
 */
@ApplicationModule(allowedDependencies = {"records", "addresses", "areascan", "time"})
@NullMarked
package nl.adreszicht.registers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
