package nl.adreszicht.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who answers questions about the API (NL API Design Rules /core/doc-openapi-contact): published as {@code
 * info.contact} of the OpenAPI document. A deployment sets its own functional management desk.
 *
 * @param name the desk's name
 * @param email its e-mail address
 * @param url its web page
 */
@ConfigurationProperties("adreszicht.api.contact")
record ApiContactProperties(String name, String email, String url) {}
