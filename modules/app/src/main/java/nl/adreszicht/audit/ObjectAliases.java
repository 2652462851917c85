package nl.adreszicht.audit;

import java.util.List;

/**
 * Other ids an object was logged under before (an address before it got a random id): the log is never rewritten, so
 * a search for an object also finds its entries under those ids. Implemented by the module that owns the ids.
 */
public interface ObjectAliases {

    /** The former ids of the object, none when it had none. */
    List<String> aliasesOf(String objectId);
}
