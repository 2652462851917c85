package nl.adreszicht.web;

import jakarta.servlet.http.HttpServletRequest;

/** Which requests follow the API conventions rather than the UI's. */
final class ApiRequests {

    static final String PREFIX = "/api/v1/";

    private ApiRequests() {}

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith(PREFIX) || path.equals("/api/v1");
    }
}
