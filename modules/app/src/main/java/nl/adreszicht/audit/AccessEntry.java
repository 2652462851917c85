package nl.adreszicht.audit;

import org.jspecify.annotations.Nullable;

/**
 * What a feature tells the access log about one access. The actor, their organisation and roles, the purpose
 * and legal basis of their role, and the origin are added by {@link AccessLog} from the request.
 *
 * @param kind read, search, create, …
 * @param action the permission matrix action, e.g. {@code toegangslog.object}
 * @param objectType what kind of object, e.g. {@code adres}; null for a search without one object
 * @param objectId the object's opaque id, never address text or a name
 * @param breakTheGlass whether access rests on break-the-glass
 */
public record AccessEntry(
        AccessKind kind,
        String action,
        @Nullable String objectType,
        @Nullable String objectId,
        boolean breakTheGlass) {

    public static AccessEntry of(AccessKind kind, String action, String objectType, String objectId) {
        return new AccessEntry(kind, action, objectType, objectId, false);
    }
}
