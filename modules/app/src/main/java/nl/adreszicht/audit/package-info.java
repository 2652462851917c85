/**
 * The access log (toegangslog, NEN 7513): one entry for every read, search, create, update, export, refusal
 * and break-the-glass on personal data, written before the data leaves the server; if it cannot be written
 * the request fails. PostgreSQL keeps it append-only for the application, and a hash chain, sealed behind
 * the requests by one instance at a time, makes editing, deleting, inserting or reordering entries
 * detectable. Privacy officers read it here; their reads are logged too. The read guard limits how many addresses
 * one professional reads, across the cluster, and a daily rule tells the privacy officer of a day of far more reading
 * than the professional's usual (issue 13).
 */
@ApplicationModule(allowedDependencies = {"records", "security", "codelists", "time"})
@NullMarked
package nl.adreszicht.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
